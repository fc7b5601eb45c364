"""`python -m brandsite.build`: the atomic site build (brandsite.build.driver)."""

from brandsite.build.driver import exit_now, main

exit_now(main())
