"""irkg: news articles in, an international-relations knowledge graph out."""

__version__ = "0.1.0"
