"""Licence check data, open data, feeds, robots.txt: what the registry_data plugin wires in."""
