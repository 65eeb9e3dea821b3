"""cyberkg: the elements of the offences of the cybercrime conventions as a knowledge graph."""

__version__ = "0.1.0"
