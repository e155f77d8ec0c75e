"""The headless command line (`motcua ...`): argparse commands calling services; never imports Qt."""
