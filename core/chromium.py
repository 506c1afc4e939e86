"""How the project's tests and screenshot scripts start Debian's Chromium headless.

The background-networking flags matter here: without them Chromium keeps trying to reach
Google's hosts, which this network refuses.
"""

CHROMIUM_PATH = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
