"""The WAGTAILLOCALIZE_MACHINE_TRANSLATOR setting, read from the environment.

Kept free of Django imports so settings can call it. DeepL when DEEPL_API_KEY is set (keys
ending in ":fx" use DeepL's free API), otherwise None: machine translation is off and
wagtail-localize hides its buttons.
"""

DEEPL = "editorial.machine_translation.BritishEnglishDeepLTranslator"
GLOSSARY_TRANSLATOR = "editorial.machine_translation.GlossaryTranslator"


def machine_translator_setting(environ):
    key = environ.get("DEEPL_API_KEY", "").strip()
    if not key:
        return None
    return {
        "CLASS": GLOSSARY_TRANSLATOR,
        "OPTIONS": {
            "BACKEND": DEEPL,
            "BACKEND_OPTIONS": {"AUTH_KEY": key, "TIMEOUT": 30},
        },
    }
