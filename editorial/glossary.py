"""Official names that machine translation must not paraphrase (see /work/shared/glossary.md).

Each pair is (Turkish, English). Longer names come first so "Marmara Belediyeler Birliği" is
replaced before anything inside it could match.
"""

TERMS = [
    ("Marmara Belediyeler Birliği", "Marmara Municipalities Union"),
    ("Yerel Diplomasi Platformu", "Local Diplomacy Platform"),
    ("Avrupa Sınır Bölgeleri Birliği", "Association of European Border Regions"),
    ("Avrupa Yerel Demokrasi Birliği", "European Association for Local Democracy"),
    ("Küresel Su Operatörleri İş Birliği Ağı", "Global Water Operators' Partnerships Alliance"),
    ("Sürdürülebilirlik için Yerel Yönetimler", "ICLEI – Local Governments for Sustainability"),
    (
        "Güneydoğu Avrupa Yerel Yönetim Birlikleri Ağı",
        "Network of Associations of Local Authorities of South-East Europe",
    ),
    ("Türk Dünyası Belediyeler Birliği", "Union of Turkish World Municipalities"),
    (
        "Avrupa Konseyi Yerel ve Bölgesel Yönetimler Kongresi",
        "Congress of Local and Regional Authorities of the Council of Europe",
    ),
    ("Avrupa Yerel Yönetimler Özerklik Şartı", "European Charter of Local Self-Government"),
    ("MBB", "MMU"),
]


def terms_for(source_language, target_language):
    """(source form, official target form) pairs for a language pair, longest source first."""
    source, target = source_language.split("-")[0], target_language.split("-")[0]
    if (source, target) == ("tr", "en"):
        pairs = TERMS
    elif (source, target) == ("en", "tr"):
        pairs = [(english, turkish) for turkish, english in TERMS]
    else:
        pairs = []
    return sorted(pairs, key=lambda pair: len(pair[0]), reverse=True)
