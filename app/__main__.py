"""`python -m app` is `motcua`."""

from app.main import main

raise SystemExit(main())
