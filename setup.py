"""Build hook for the four small C modules of ingest (everything else is in pyproject.toml).

``_nodecols`` (MeCab's nodes and the rule tokenizer into Arrow columns; libmecab is opened at run
time from fugashi's wheel), ``_wordtrie`` (alias matching), ``_sentsplit`` (sentence splitting) and
``_langscan`` (language guess) need only a C compiler and Python's headers. ``optional=True``: where
they cannot be built (no compiler, Windows), the install still succeeds and ingest uses their
pure-Python twins, which give the same tables (``crisisnotes.compiled.status()`` says which run;
``CRISISNOTES_PURE=1`` turns them off).
"""

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension(
            "crisisnotes._nodecols",
            ["src/crisisnotes/_nodecols.c"],
            depends=["src/crisisnotes/_arrowcols.h", "src/crisisnotes/_ruletok.h"],
            libraries=["dl"],
            extra_compile_args=["-O2"],
            optional=True,
        ),
        Extension("crisisnotes._wordtrie", ["src/crisisnotes/_wordtrie.c"], extra_compile_args=["-O2"], optional=True),
        Extension("crisisnotes._sentsplit", ["src/crisisnotes/_sentsplit.c"], extra_compile_args=["-O2"], optional=True),
        Extension("crisisnotes._langscan", ["src/crisisnotes/_langscan.c"], extra_compile_args=["-O2"], optional=True),
    ]
)
