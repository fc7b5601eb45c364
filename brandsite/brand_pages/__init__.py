"""Brand pages, the directory, facet and award pages: what the brand_pages plugin wires in."""
