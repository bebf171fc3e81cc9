"""The command line: parse options, call one function, print. Nothing imports this package."""
