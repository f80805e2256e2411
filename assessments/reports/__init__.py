"""Evaluation reports: the arrays the analytics need, fetched in a few queries, and the tables built from them."""
