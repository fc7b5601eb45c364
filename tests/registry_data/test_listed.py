"""registry_data.files.listed: brands.json put together from the brands' own JSON texts."""

from __future__ import annotations

from brandsite.brand_registry.jsonsafe import dumps
from brandsite.registry_data.files import listed

RECORDS = [
    {
        "slug": "korla-fragrant-pear",
        "name": "库尔勒香梨</script>",
        "tags": ["香梨", "梨"],
        "licensees": [{"license": "XJ-KFP-2021-001", "products": []}],
        "contact": {},
        "logo": None,
    },
    {"slug": "hami-melon", "name": "哈密瓜 & \u2028", "tags": [], "licensees": [], "count": 3.5},
]


def test_listed_is_byte_for_byte_the_dump_of_the_whole_list():
    for records in (RECORDS, RECORDS[:1], []):
        texts = [dumps(record, indent=1) for record in records]
        assert listed("brands", texts) == dumps({"brands": records}, indent=1)
