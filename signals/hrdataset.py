"""`python -m signals.hrdataset SOURCE OUT_DIR`: kept as the documented command; the
importer lives in signals.ingest.hrdataset."""

from .ingest.hrdataset import main

if __name__ == "__main__":
    raise SystemExit(main())
