"""The version of skillgap, in a module of its own so that any module can import it without
importing the package's lazy API (which imports the analysis back)."""

__version__ = "0.1.0"
