"""Build hook for the two compiled modules (everything else is in pyproject.toml).

``crisisnotes._nodecols`` reads MeCab's nodes in C for the ingest token path (libmecab is opened at
run time from fugashi's wheel); ``crisisnotes._wordtrie`` finds actor aliases. They need only a C
compiler and Python's headers. ``optional=True``: where they cannot be built (no compiler,
Windows), the install still succeeds and ingest uses the pure-Python paths, which give the same
tables (``crisisnotes.nodecols.available()`` says which token path runs).
"""

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension(
            "crisisnotes._nodecols",
            ["src/crisisnotes/_nodecols.c"],
            depends=["src/crisisnotes/_ruletok.h"],
            libraries=["dl"],
            extra_compile_args=["-O2"],
            optional=True,
        ),
        Extension("crisisnotes._wordtrie", ["src/crisisnotes/_wordtrie.c"], extra_compile_args=["-O2"], optional=True),
        Extension("crisisnotes._sentsplit", ["src/crisisnotes/_sentsplit.c"], extra_compile_args=["-O2"], optional=True),
        Extension("crisisnotes._langscan", ["src/crisisnotes/_langscan.c"], extra_compile_args=["-O2"], optional=True),
    ]
)
