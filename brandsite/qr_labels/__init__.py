"""QR codes and printable labels: the licence check and the brand page, on paper and packaging.

Pure but for the cache (`cache.py`): no Pelican here.
"""
