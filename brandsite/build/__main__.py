"""`python -m brandsite.build`: the atomic site build (brandsite.build.driver)."""

import sys

from brandsite.build.driver import main

sys.exit(main())
