"""Build hook for the one compiled module, ``crisisnotes._nodecols`` (everything else is in pyproject.toml).

The module reads MeCab's nodes in C for the ingest token path; it needs only a C compiler and
Python's headers (libmecab is opened at run time from fugashi's wheel). ``optional=True``: where it
cannot be built (no compiler, Windows), the install still succeeds and ingest uses the pure-Python
path, which gives the same tables (``crisisnotes.nodecols.available()`` says which one runs).
"""

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension(
            "crisisnotes._nodecols",
            ["src/crisisnotes/_nodecols.c"],
            libraries=["dl"],
            extra_compile_args=["-O2"],
            optional=True,
        )
    ]
)
