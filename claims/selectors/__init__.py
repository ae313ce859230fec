"""Reads that combine several models or need more than one query: each returns plain data."""
