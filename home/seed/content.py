"""MBB's seed content in Turkish, the source language.

Taken from MBB's page "Çalışma Alanlarımız" (work areas, Local Diplomacy, the eight
international network memberships and the contact prompt). Facts are typed fields; prose
goes into StreamField bodies. The English text is not here: it lives in `content.en.po`
beside this file, keyed by these Turkish strings, and is applied through wagtail-localize.

Each page has a stable `key` that tells the loader which page it is; `parent` names the key
of its parent. Pages are listed parents first.
"""


def paragraphs(*texts):
    return [("paragraph", f"<p>{text}</p>") for text in texts]


HOME = {
    "key": "home",
    "model": "home.HomePage",
    "parent": None,
    "fields": {
        "title": "Marmara Belediyeler Birliği",
        "slug": "anasayfa",
        "introduction": (
            "Marmara Belediyeler Birliği (MBB), çalışma alanlarında danışmanlık sunar, "
            "eğitim programları tasarlar ve yerel yönetimleri uluslararası kent ağlarıyla "
            "buluşturur."
        ),
    },
}

WORK_AREAS = {
    "key": "work-areas",
    "model": "home.WorkAreaIndexPage",
    "parent": "home",
    "fields": {
        "title": "Çalışma Alanlarımız",
        "slug": "calisma-alanlarimiz",
        "show_in_menus": True,
        "introduction": (
            "MBB aşağıdaki çalışma alanlarında danışmanlık sunmakta, eğitim programları "
            "tasarlamakta, ilgili paydaşları bir araya getiren toplantı ve etkinlikler "
            "düzenlemekte, kitap, dergi ve raporlar yayınlamakta, araştırmalar yapmakta ve "
            "bilimsel çalışmaları desteklemektedir."
        ),
    },
}

LOCAL_DIPLOMACY = {
    "key": "local-diplomacy",
    "model": "home.WorkAreaPage",
    "parent": "work-areas",
    "fields": {
        "title": "Yerel Diplomasi",
        "slug": "yerel-diplomasi",
        "show_in_menus": True,
        "introduction": (
            "Şehirler, küresel sorunların çözümünde kilit aktörlerdir. MBB, Marmara "
            "Bölgesi’ndeki yerel yönetimlerin yerel diplomasi kapasitesini güçlendirir."
        ),
    },
    "body": [
        *paragraphs(
            "Dünya nüfusunun yarısından fazlası şehirlerde yaşamaktadır. Şehirleşme hızının "
            "artması ve küreselleşmenin etkisiyle şehirlerin rolleri, imkanları, "
            "sorumlulukları ve etki alanları da artmaktadır. İçinde yaşadığımız ‘şehirler "
            "çağı’nda artık ülkeler kadar şehirler de küresel aktörler olarak birbirleriyle "
            "etkileşim halinde faaliyet göstermekte, kardeş şehir ilişkileri kurmakta, "
            "uluslararası kent ağları oluşturmakta ve pek çok uluslararası paydaşla tematik "
            "işbirlikleri geliştirmektedir.",
            "Günümüzde küresel sorunların çoğunun çıkış noktası olan şehirler, aynı zamanda bu "
            "sorunların çözümünde kilit aktörler olarak rol almaktadır. Ayrıca şehirler, küresel "
            "barış ve birlikte yaşama kültürünün tesis edilmesine katkı sunmaktadır. Bu noktada "
            "yerel diplomasi, geleneksel diplomasiden ayrılan fakat onu destekleyen bir yaklaşım "
            "olarak karşımıza çıkmaktadır. Pek çok yumuşak güç unsurunu araç olarak kullanan "
            "yerel diplomasi, uygulama ve sonuç odaklı mekanizmalar olarak tanımlanabilecek "
            "şehirleri küresel düzlemde ön plana taşımaktadır.",
        ),
        ("heading", {"text": "Yerel Diplomasi Platformu", "level": "h2"}),
        *paragraphs(
            "Marmara Belediyeler Birliği de Marmara Bölgesi’ndeki yerel yönetimler nezdinde "
            "yerel diplomasi konusunda bilinç oluşturmak, bilgi ve tecrübe paylaşımına zemin "
            "hazırlamak, iyi uygulamaları yaygınlaştırmak ve işbirliği ağları oluşturmak "
            "amacıyla çeşitli faaliyetler yürütmektedir. Marmara Belediyeler Birliği üye "
            "belediyelerinin dış ilişkilerinden sorumlu birim temsilcilerinden oluşan Yerel "
            "Diplomasi Platformu kapsamında, uluslararası paydaşlarla işbirliği, dayanışma ve "
            "diyalog kültürü geliştirilmesinde, uluslararası barış ve uzlaşı ortamı inşasında ve "
            "iklim değişikliği, göç gibi yerel yansıması bulunan küresel sorunların çözümünde "
            "yerel diplomasinin etkin bir araç olarak kullanılması teşvik edilmektedir.",
            "Marmara Belediyeler Birliği, belediyelerin yerel diplomasi faaliyetlerinin ulusal "
            "politikalar ve bağlı olunan uluslararası sözleşmelerle uyumlu olması ve başta "
            "Sürdürülebilir Kalkınma Amaçları olmak üzere küresel gündemle ilişkilendirilmesi, "
            "ulusal ve uluslararası normların ve gündemin ise belediyelerin talep ve "
            "ihtiyaçlarına göre şekillenmesi amacıyla çalışmalar yürütmektedir. Diplomasi ve "
            "protokol kuralları, uluslararası proje, yarışma ve fon çağrılarına erişim, "
            "uluslararası toplantılara katılım, kardeş şehir ilişkileri, uluslararası kent "
            "ağları ve kuruluşlarla ilişkiler, kamu diplomasisi ve proje yönetimi gibi "
            "alanlarda yerel yönetimlerin çalışmalarını destekleyici ve kapasitelerini "
            "güçlendirici faaliyetler gerçekleştirmektedir.",
        ),
    ],
}

MEMBERSHIPS = {
    "key": "memberships",
    "model": "networks.NetworkIndexPage",
    "parent": "work-areas",
    "fields": {
        "title": "Uluslararası Üyelikler",
        "slug": "uluslararasi-uyelikler",
        "show_in_menus": True,
        "introduction": (
            # No number of networks here: the directory counts the live ones itself, and a
            # number in the prose goes stale when a network is added.
            "MBB, yerel diplomasi çalışmaları kapsamında aşağıdaki uluslararası kent ağlarının "
            "üyesidir. Ağları üyelik yılına göre sıralayabilir, birine tıklayarak ayrıntıları "
            "görebilirsiniz."
        ),
    },
}


def network(key, fields, body):
    return {
        "key": f"network-{key}",
        "model": "networks.NetworkPage",
        "parent": "memberships",
        "fields": {"slug": key, **fields},
        "body": body,
    }


NETWORKS = [
    network(
        "aebr",
        {
            "title": "Avrupa Sınır Bölgeleri Birliği (AEBR)",
            "short_name": "AEBR",
            "full_name": "Avrupa Sınır Bölgeleri Birliği",
            "joined_year": 2023,
            "founded_year": 1971,
            "headquarters_country": "Almanya",
            "website": "https://www.aebr.eu/",
            "introduction": (
                "1971’de kurulan ve merkezi Almanya’da bulunan AEBR, sınır bölgelerinde iş "
                "birliğini teşvik eder ve bu bölgelerin çıkarlarını Avrupa düzeyinde temsil eder."
            ),
        },
        paragraphs(
            "MBB, 2023 yılında Avrupa Sınır Bölgeleri Birliğine (Association of European Border "
            "Regions-AEBR) üye olmuştur. 1971 yılında kurulan ve merkezi Almanya’da bulunan ağ, "
            "sınır bölgelerinde iş birliğini teşvik ederek bilgi ve tecrübe paylaşımını "
            "yaygınlaştırmayı ve ortak sorunlara çözüm geliştirmeyi amaçlamaktadır. AEBR, "
            "Avrupa düzeyinde ilgili makamlar nezdinde sınır ve sınır ötesi bölgelerin "
            "çıkarlarını temsil etmek, bu bölgelerin özel ihtiyaçları konusunda farkındalık "
            "yaratmak ve sınır ötesi iş birliği hakkında bilgileri kanalize etmek için "
            "çalışmalar yürütmektedir. AEBR, farklı ülkelerden temsilcilerin yer aldığı çalışma "
            "grupları ve ortaklıklar aracılığıyla ortak projeleri koordine etmek ve proje "
            "geliştirmek için bir platform sağlamaktadır. Sınır bölgelerinin özel ihtiyaçlarına "
            "ilişkin farkındalık yaratmanın yanı sıra AEBR, Avrupa düzeyinde alınan yeni "
            "kararları ve güncel bilgileri raporlamakta ve kararlara etki etmek için çalışmalar "
            "yürütmektedir.",
        ),
    ),
    network(
        "alda",
        {
            "title": "Avrupa Yerel Demokrasi Birliği (ALDA)",
            "short_name": "ALDA",
            "full_name": "Avrupa Yerel Demokrasi Birliği",
            "joined_year": 2017,
            "founded_year": 1999,
            "headquarters_city": "Strazburg",
            "headquarters_country": "Fransa",
            "member_count": 250,
            "member_count_approximation": "more_than",
            "country_count": 40,
            "website": "https://www.alda-europe.eu/",
            "introduction": (
                "Avrupa Konseyi Yerel ve Bölgesel Yönetimler Kongresi girişimiyle 1999’da kurulan "
                "Strazburg merkezli ALDA, yerel düzeyde sivil katılımı ve iyi yönetişimi destekler."
            ),
        },
        paragraphs(
            "MBB, 1999 yılında Avrupa Konseyi Yerel ve Bölgesel Yönetimler Kongresi girişimiyle "
            "kurulan ve temel olarak yerel düzeyde sivil katılımın ve iyi yönetişimin "
            "desteklenmesi ile yerel yönetimler ve sivil toplum arasındaki işbirliğinin "
            "geliştirilmesini amaçlayan Strazburg merkezli Avrupa Yerel Demokrasi Birliği’nin "
            "(ALDA) 2017 yılından beri üyesidir.",
            "40 farklı ülkeden yerel yönetim ve sivil toplum kuruluşlarının yanı sıra bireysel "
            "üyelerin de yer aldığı 250’den fazla üyeye sahip olan ALDA, üyeleri ve diğer "
            "ortaklar arasında bilgi paylaşımı ve işbirliğini kolaylaştıran büyük bir ağ ve "
            "bilgilendirme platformu olma niteliği taşımaktadır. ALDA, aktif Avrupa "
            "vatandaşlığının sağlanmasına yönelik çalışmalar gerçekleştirdiği ALDA Avrupa, "
            "Balkanların Batısı ve Avrupa’ya komşu bölgelerde iyi yönetişim, vatandaş katılımı, "
            "Avrupa’ya entegrasyon ve adem-i merkeziyetçiliğin teşviki için ALDA İşbirliği ve "
            "eğitim programları, özel amaçlara yönelik proje asistanlığı ve kapasite geliştirme "
            "aktivitelerinde uzman ALDA Plus olmak üzere 3 başlık altında faaliyet "
            "göstermektedir.",
        ),
    ),
    network(
        "energy-cities",
        {
            "title": "Avrupa Enerji Kentleri (Energy Cities)",
            "short_name": "Energy Cities",
            "short_name_language": "en",
            "full_name": "Avrupa Enerji Kentleri",
            "joined_year": 2023,
            "founded_year": 1990,
            "founded_place": "Brüksel",
            "member_count": 170,
            "member_count_approximation": "more_than",
            "country_count": 30,
            "website": "https://energy-cities.eu/",
            "introduction": (
                "1990’da Brüksel’de kurulan ağ, Avrupa kentlerinin enerji dönüşümüne öncülük "
                "etmesini ve Avrupa’nın 2050’ye kadar iklim nötr olmasına katkı sunmayı amaçlar."
            ),
        },
        paragraphs(
            "MBB, 2023 yılında Avrupa Enerji Kentleri’ne (Energy Cities) üye olmuştur. 1990 "
            "yılında Brüksel’de kurulan ağ, yerellik ve sürdürülebilirlik ilkelerinin "
            "önderliğinde Avrupa’daki kentlerin enerji sistemlerinde ve enerji politikalarında "
            "radikal bir değişim yaratmayı, Avrupa’yı 2050 yılına kadar iklim nötr bir kıta "
            "haline getirme çabalarına katkı sunmayı ve enerji dönüşümü sürecinde yereli de "
            "aktif bir paydaş haline getirmeyi amaçlamaktadır. 30 ülkeden 170’in üzerinde kurumu "
            "tek bir çatı altında birleştiren ağ kapsamında yenilenebilir enerjiyi, enerji "
            "verimliliği sağlayan akıllı teknolojilerin kullanımını ve kaynağın verimli "
            "harcanmasını teşvik eden çalışmalar yürütülmektedir. Ayrıca, yerel yönetimlerin "
            "enerji dönüşümü sürecindeki etkilerini artırmak için Avrupa Birliği ve üye "
            "devletlerde savunuculuk ve diyalog kurma çalışmaları yapmaktadır.",
        ),
    ),
    network(
        "gwopa",
        {
            "title": "Küresel Su Operatörleri İş Birliği Ağı (GWOPA)",
            "short_name": "GWOPA",
            "full_name": "Küresel Su Operatörleri İş Birliği Ağı",
            "joined_year": 2023,
            "founded_year": 2009,
            "founded_place": "Bonn, Almanya",
            "member_count": 500,
            "member_count_approximation": "about",
            "member_count_kind": "members_and_partners",
            "website": "https://gwopa.org/",
            "introduction": (
                "UN-Habitat tarafından 2009’da Bonn’da kurulan GWOPA, dünya genelinde su ve "
                "kanalizasyon idarelerinin kaliteli hizmet sunmasına ve birbirini desteklemesine "
                "yardımcı olur."
            ),
        },
        paragraphs(
            "MBB, UN-Habitat tarafından kurulan Küresel Su Operatörleri İş Birliği Ağı'na "
            "(GWOPA) 2023 yılında üye olmuştur. 2009 yılında Almanya’nın Bonn şehrinde kurulan "
            "ağ, su ve kanalizasyon idareleri ve ilgili diğer kuruluşlardan oluşmaktadır. "
            "Yaklaşık 500 üye ve partner kuruluşun yer aldığı ağın amacı, dünya genelinde su ve "
            "kanalizasyon idarelerinin kaliteli hizmetler sunmalarına ve birbirlerini "
            "desteklemelerine yardımcı olmaktır. Bu kapsamda GWOPA, kapasite geliştirme "
            "çalışmaları yürütmekte ve üyeleri arasında bilgi ve tecrübe paylaşımını "
            "desteklemektedir. Üyelerine araştırma-geliştirme, raporlama ve izleme konusunda "
            "araçlar sunmakta ve rehberlik etmektedir. Üyelerinin uluslararası iş birliklerinin "
            "geliştirilmesi ve dünyadaki gelişmeleri takip edebilmesi için platform "
            "yaratmaktadır. Ağ, temiz su ve sanitasyona erişime odaklanan 6. Sürdürülebilir "
            "Kalkınma Amacı’nın gerçekleştirilmesine katkı sunmaktadır.",
        ),
    ),
    network(
        "iclei",
        {
            "title": "Sürdürülebilirlik için Yerel Yönetimler (ICLEI)",
            "short_name": "ICLEI",
            "full_name": "Sürdürülebilirlik için Yerel Yönetimler",
            "joined_year": 2023,
            "founded_year": 1990,
            "founded_place": "Toronto, Kanada",
            "headquarters_city": "Bonn",
            "headquarters_country": "Almanya",
            "member_count": 2500,
            "member_count_approximation": "more_than",
            "country_count": 125,
            "website": "https://iclei.org/",
            "introduction": (
                "125 ülkeden 2500’den fazla yerel ve bölgesel yönetimi bir araya getiren ICLEI, "
                "düşük emisyonlu, doğa odaklı, adil, dayanıklı ve döngüsel kentsel gelişmeyi "
                "teşvik eder."
            ),
        },
        paragraphs(
            "MBB, Sürdürülebilirlik için Yerel Yönetimler (Local Governments for Sustainability "
            "– ICLEI) ağının 2023’ten beri üyesidir. ICLEI, hızla gelişmekte olan kentsel "
            "yaşamı sürdürülebilirlik ideallerini gözeterek var etmeyi kendine hedef "
            "edinmektedir. 125 ülkeden 2500'den fazla yerel ve bölgesel yönetimin ve ağlarının "
            "dahil olduğu küresel bir ağ olan ICLEI, 1990 yılında Toronto merkezli olarak "
            "kurulmuştur. Üyelerinin sürdürülebilirlik politikalarını etkilemeyi hedefleyerek "
            "düşük emisyonlu, doğa odaklı, adil, dayanıklı ve döngüsel gelişmeyi teşvik "
            "etmektedir. ICLEI, üye sayısı ve çeşitliliği sayesinde hem yerel ve bölgesel "
            "aktörler arasında bağ kurulmasını teşvik etmekte hem de düzenlediği etkinlikler ile "
            "kamu kurumları, uluslararası kuruluşlar, finansal kuruluşlar ve sivil toplum "
            "kuruluşları gibi farklı sektörleri bir araya getirmektedir. Ayrıca, üyelerine "
            "çalışmalarını ve uygulamalarını küresel kanallarda sergileme ve temsil etme imkanı "
            "sağlamaktadır.",
        ),
    ),
    network(
        "nalas",
        {
            "title": "Güneydoğu Avrupa Yerel Yönetim Birlikleri Ağı (NALAS)",
            "short_name": "NALAS",
            "full_name": "Güneydoğu Avrupa Yerel Yönetim Birlikleri Ağı",
            "joined_year": 2008,
            "membership_status": "Tam üye",
            "headquarters_city": "Üsküp",
            "headquarters_country": "Kuzey Makedonya",
            "member_count": 14,
            "country_count": 12,
            "population": 80_000_000,
            "population_approximation": "about",
            "website": "https://www.nalas.eu/",
            "introduction": (
                "Merkezi Üsküp’te bulunan NALAS, Güney-Doğu Avrupa’dan 12 ülkenin 14 yerel "
                "yönetim birliğini ve yaklaşık 9000 yerel yönetimi bir araya getirir."
            ),
        },
        [
            *paragraphs(
                "MBB, Güney-Doğu Avrupa Yerel Yönetim Birlikleri Ağı’na (NALAS) 2008 yılından bu "
                "yana tam üyedir. Avrupa Konseyi Yerel ve Bölgesel Yönetimler Kongresi ile yakın "
                "temas içinde olan NALAS, siyasi olmayan, bağımsız ve çok-kültürlü bir ağdır. "
                "Merkezi Makedonya’nın başkenti Üsküp’te bulunan NALAS, bölgedeki yerel "
                "yönetimlerin kapasitelerinin artırılması için katkıda bulunmakta, Avrupa Yerel "
                "Yönetimler Özerklik Şartı prensiplerine uygun çalışmaktadır. NALAS; Arnavutluk, "
                "Bulgaristan, Bosna-Hersek, Hırvatistan, Karadağ, Kosova, Makedonya, Moldova, "
                "Romanya, Sırbistan ve Slovenya’nın ulusal yerel yönetim birlikleri ile MBB’den "
                "oluşmaktadır. NALAS, Güney-Doğu Avrupa’dan 12 ülkeden 14 yerel yönetim birliği ve "
                "bunların temsil ettiği yaklaşık 80 milyonluk nüfus ve 9000 yerel yönetimden "
                "oluşan çok büyük bir ağdır. MBB, NALAS bünyesinde çeşitli alanlarda faaliyet "
                "gösteren çalışma gruplarında ve projelerde aktif olarak yer almaktadır.",
            ),
        ],
    ),
    network(
        "tdbb",
        {
            "title": "Türk Dünyası Belediyeler Birliği (TDBB)",
            "short_name": "TDBB",
            "full_name": "Türk Dünyası Belediyeler Birliği",
            "joined_year": 2010,
            "membership_status": "Tam üye",
            "founded_year": 2003,
            "headquarters_city": "İstanbul",
            "headquarters_country": "Türkiye",
            "website": "https://www.tdbb.org.tr/",
            "introduction": (
                "2003’te İstanbul merkezli kurulan TDBB’nin Türkiye’den Kazakistan’a pek çok "
                "ülkede üye belediyeleri ve birlikleri bulunur."
            ),
        },
        paragraphs(
            "MBB, 2010 yılından bu yana Türk Dünyası Belediyeler Birliği’ne tam üyedir. 2003 "
            "yılında İstanbul merkezli kurulan Türk Dünyası Belediyeler Birliği’nin Türkiye, "
            "Azerbaycan, Kırgız Cumhuriyeti, Bosna-Hersek, Rusya Federasyonu Dağıstan "
            "Cumhuriyeti, Kuzey Kıbrıs Türk Cumhuriyeti, Moldova, Moğolistan, Makedonya, Irak "
            "Cumhuriyeti, Kosova Cumhuriyeti, Pakistan İslam Cumhuriyeti, Macaristan, Kazakistan "
            "ülkelerinden üye belediyeleri ve birlikleri bulunmaktadır. Marmara Belediyeler "
            "Birliği, Türk Dünyası Belediyeler Birliği ile işbirliğini geliştirmeyi ve ortak "
            "faaliyetleri yürütmeyi amaçlamaktadır.",
        ),
    ),
    network(
        "uclg-mewa",
        {
            "title": "Birleşmiş Kentler ve Yerel Yönetimler Orta Doğu ve Batı Asya Bölge Teşkilatı "
            "(UCLG-MEWA)",
            "short_name": "UCLG-MEWA",
            "full_name": "Birleşmiş Kentler ve Yerel Yönetimler Orta Doğu ve Batı Asya Bölge "
            "Teşkilatı",
            "joined_year": 2014,
            "membership_status": "Yerel yönetim statüsünde üye",
            "website": "https://www.uclg-mewa.org/tr",
            "introduction": (
                "UCLG-MEWA, bölgedeki yerel yönetimler arasında işbirliği kurmayı ve demokratik "
                "yerel yönetim anlayışının dünyadaki birleşik sesi olmayı hedefler."
            ),
        },
        paragraphs(
            "MBB, 2014 yılından bu yana Birleşmiş Kentler ve Yerel Yönetimler Orta Doğu ve Batı "
            "Asya Bölge Teşkilatı’na (UCLG-MEWA) yerel yönetim statüsünde üyedir. UCLG-MEWA, "
            "bölgede bulunan yerel yönetimler arasında işbirliği oluşturmak, yerel yönetimin "
            "değerlerini, amaçlarını ve çıkarlarını koruyarak, demokratik yerel yönetim "
            "anlayışının dünyadaki birleşik sesi ve sözcüsü olmayı hedeflemektedir.",
        ),
    ),
]

# The privacy notice (aydınlatma metni) under KVKK Art. 10. The retention period stated here
# must match settings.CONTACT_RETENTION_DAYS (730 days), which purge_inquiries applies.
PRIVACY_NOTICE = {
    "key": "privacy-notice",
    "model": "home.StandardPage",
    "parent": "home",
    "fields": {
        "title": "KVKK Aydınlatma Metni",
        "slug": "kvkk-aydinlatma-metni",
        "introduction": (
            "İletişim formu aracılığıyla paylaştığınız kişisel verilerin 6698 sayılı Kişisel "
            "Verilerin Korunması Kanunu’nun (KVKK) 10. maddesi uyarınca nasıl işlendiğine "
            "ilişkin bilgilendirme."
        ),
    },
    "body": [
        ("heading", {"text": "Veri sorumlusu", "level": "h2"}),
        *paragraphs(
            "Bu internet sitesindeki iletişim formu aracılığıyla paylaştığınız kişisel "
            "veriler, veri sorumlusu sıfatıyla Marmara Belediyeler Birliği (MBB) tarafından "
            "6698 sayılı Kişisel Verilerin Korunması Kanunu’na (KVKK) uygun olarak işlenir.",
        ),
        ("heading", {"text": "İşlenen kişisel veriler", "level": "h2"}),
        *paragraphs(
            "Formda verdiğiniz adınız ve soyadınız, e-posta adresiniz, isteğe bağlı olarak "
            "kurumunuz, seçtiğiniz konu ve mesajınız; formu gönderdiğiniz tarih ve saat, "
            "formu hangi dilde kullandığınız ve açık rıza kutusunu işaretleyip "
            "işaretlemediğiniz. Kötüye kullanımı önlemek için IP adresiniz kalıcı olarak "
            "kaydedilmez; yalnızca özetlenmiş biçimde ve en fazla bir saat süreyle geçici "
            "bellekte tutulur.",
        ),
        ("heading", {"text": "İşleme amaçları ve hukuki sebepler", "level": "h2"}),
        *paragraphs(
            "Kişisel verileriniz, başvurunuzu almak, ilgili birime iletmek, "
            "değerlendirmek, size yanıt vermek ve başvurunuza ilişkin kayıtları tutmak "
            "amacıyla işlenir. Bu işleme, KVKK’nın 5. maddesinin 2. fıkrasının (f) bendi "
            "uyarınca ilgili kişinin temel hak ve özgürlüklerine zarar vermemek kaydıyla "
            "veri sorumlusunun meşru menfaati için zorunlu olmasına; başvurunuzun 3071 "
            "sayılı Dilekçe Hakkının Kullanılmasına Dair Kanun veya 4982 sayılı Bilgi "
            "Edinme Hakkı Kanunu kapsamında olduğu hâllerde ise (ç) bendi uyarınca veri "
            "sorumlusunun hukuki yükümlülüğünü yerine getirebilmesi için zorunlu olmasına "
            "dayanır.",
            "Formdaki açık rıza kutusunu işaretlemeniz hâlinde e-posta adresiniz, "
            "Birliğimizin etkinlik, eğitim ve yayın duyurularının size gönderilmesi "
            "amacıyla KVKK’nın 5. maddesinin 1. fıkrası uyarınca açık rızanıza dayanılarak "
            "işlenir. Açık rıza vermek isteğe bağlıdır; vermemeniz başvurunuzun "
            "alınmasını ve yanıtlanmasını etkilemez. Rızanızı dilediğiniz zaman geri "
            "alabilirsiniz.",
            "Bu metni okumanız bilgilendirme niteliğindedir; açık rıza anlamına gelmez.",
        ),
        ("heading", {"text": "Toplama yöntemi", "level": "h2"}),
        *paragraphs(
            "Kişisel verileriniz, internet sitemizdeki iletişim formunu doldurmanız "
            "yoluyla elektronik ortamda ve otomatik yollarla toplanır.",
        ),
        ("heading", {"text": "Kişisel verilerin aktarılması", "level": "h2"}),
        *paragraphs(
            "Başvurunuz, Birliğimiz içinde yalnızca konusuyla ilgili birime ve "
            "yöneticilerine iletilir. Kişisel verileriniz, Birliğimizin bilgi işlem ve "
            "e-posta altyapısını sağlayan hizmet sağlayıcılarla veri işleyen sıfatıyla ve "
            "yalnızca bu hizmetlerin gerektirdiği ölçüde, ayrıca bir kanuni yükümlülük "
            "bulunması hâlinde talep eden yetkili kamu kurum ve kuruluşlarıyla paylaşılır. "
            "Formda istenmeyen ileti koruması için yurt dışındaki bir hizmet "
            "kullanılmaz; kişisel verileriniz yurt dışına aktarılmaz.",
        ),
        ("heading", {"text": "Saklama süresi", "level": "h2"}),
        *paragraphs(
            "Başvurunuz ve ona ilişkin kişisel verileriniz, başvurunun alındığı tarihten "
            "itibaren 2 (iki) yıl süreyle saklanır ve bu sürenin sonunda otomatik olarak "
            "silinir. Daha uzun bir saklama süresini gerektiren bir kanuni yükümlülük "
            "bulunması hâlinde bu süre uygulanır.",
        ),
        ("heading", {"text": "KVKK’nın 11. maddesi uyarınca haklarınız", "level": "h2"}),
        (
            "paragraph",
            "<p>Veri sorumlusuna başvurarak kişisel verilerinizle ilgili olarak aşağıdaki "
            "haklara sahipsiniz:</p>"
            "<ul>"
            "<li>kişisel verilerinizin işlenip işlenmediğini öğrenme,</li>"
            "<li>kişisel verileriniz işlenmişse buna ilişkin bilgi talep etme,</li>"
            "<li>kişisel verilerinizin işlenme amacını ve bunların amacına uygun kullanılıp "
            "kullanılmadığını öğrenme,</li>"
            "<li>yurt içinde veya yurt dışında kişisel verilerinizin aktarıldığı üçüncü "
            "kişileri bilme,</li>"
            "<li>kişisel verilerinizin eksik veya yanlış işlenmiş olması hâlinde bunların "
            "düzeltilmesini isteme,</li>"
            "<li>KVKK’nın 7. maddesinde öngörülen şartlar çerçevesinde kişisel verilerinizin "
            "silinmesini veya yok edilmesini isteme,</li>"
            "<li>düzeltme, silme veya yok etme işlemlerinin kişisel verilerinizin aktarıldığı "
            "üçüncü kişilere bildirilmesini isteme,</li>"
            "<li>işlenen verilerin münhasıran otomatik sistemler vasıtasıyla analiz edilmesi "
            "suretiyle aleyhinize bir sonucun ortaya çıkmasına itiraz etme,</li>"
            "<li>kişisel verilerinizin kanuna aykırı olarak işlenmesi sebebiyle zarara "
            "uğramanız hâlinde zararın giderilmesini talep etme.</li>"
            "</ul>",
        ),
        ("heading", {"text": "Başvuru yolu", "level": "h2"}),
        *paragraphs(
            "Bu haklarınıza ilişkin taleplerinizi, KVKK’nın 13. maddesi ve Veri Sorumlusuna "
            "Başvuru Usul ve Esasları Hakkında Tebliğ uyarınca yazılı olarak veya kayıtlı "
            "elektronik posta (KEP), güvenli elektronik imza, mobil imza ya da daha önce "
            "Birliğimize bildirdiğiniz ve sistemimizde kayıtlı bulunan e-posta adresiniz "
            "aracılığıyla Marmara Belediyeler Birliği’ne iletebilirsiniz. Başvuru yolları "
            "hakkında bilgi almak için iletişim formunu veya Birliğimizin resmî iletişim "
            "kanallarını kullanabilirsiniz.",
            "Başvurunuz, talebin niteliğine göre en kısa sürede ve en geç otuz gün içinde "
            "ve ilke olarak ücretsiz sonuçlandırılır. Başvurunuzun reddedilmesi, verilen cevabı "
            "yetersiz bulmanız veya süresinde cevap verilmemesi hâlinde KVKK’nın 14. "
            "maddesi uyarınca Kişisel Verileri Koruma Kurulu’na şikâyette bulunabilirsiniz.",
        ),
    ],
}

CONTACT = {
    "key": "contact",
    "model": "forms_app.ContactFormPage",
    "parent": "home",
    "fields": {
        "title": "İletişim",
        "slug": "iletisim",
        "show_in_menus": True,
        "heading": "İletişime Geçin",
        "introduction": "Formu doldurarak daha fazla bilgi edinebilirsiniz.",
        "thank_you_text": (
            "<p>Mesajınız bize ulaştı. İlgili birimimiz en kısa sürede size dönüş yapacaktır.</p>"
        ),
        "privacy_notice_summary": (
            "Bu formda paylaştığınız kişisel veriler, başvurunuzu yanıtlamak amacıyla veri "
            "sorumlusu Marmara Belediyeler Birliği tarafından 6698 sayılı KVKK uyarınca "
            "işlenir ve 2 yıl süreyle saklanır. Ayrıntılar ve haklarınız için aydınlatma "
            "metnini okuyabilirsiniz."
        ),
        "privacy_notice_version": "2026-11-25",
        "consent_label": (
            "Birliğin etkinlik, eğitim ve yayın duyurularının e-posta adresime "
            "gönderilmesine açık rıza veriyorum. Rızamı dilediğim zaman geri alabilirim."
        ),
    },
    # Page fields that point at other seeded pages, by key.
    "page_links": {"privacy_notice_page": "privacy-notice"},
    "form_fields": [
        {"label": "Adınız ve soyadınız", "field_type": "singleline", "required": True},
        {"label": "E-posta adresiniz", "field_type": "email", "required": True},
        {"label": "Kurumunuz", "field_type": "singleline", "required": False},
        # Lists the topics below (Contact form → Topics), in the page's language.
        {"label": "Konu", "field_type": "topic", "required": True},
        {
            "label": "Mesajınız",
            "field_type": "multiline",
            "required": True,
            "help_text": "En fazla 5.000 karakter.",
        },
    ],
}

# The contact form's topics, in order. Each network's topic is added when its page is
# published (forms_app.topics), between "Yerel diplomasi" and "Diğer".
TOPICS = [
    {"label": "Genel bilgi", "sort_order": 10},
    {"label": "Yerel diplomasi", "sort_order": 20},
    {"label": "Diğer", "sort_order": 1000},
]

PAGES = [HOME, WORK_AREAS, LOCAL_DIPLOMACY, MEMBERSHIPS, *NETWORKS, PRIVACY_NOTICE, CONTACT]

# MBB's public contact details. The address is the one MBB publishes; phone, e-mail, KEP
# address and map link are left for the team to fill in the admin (never guessed here).
FOOTER = {
    "organisation": "Marmara Belediyeler Birliği",
    "address": "Sarıdemir Mah., Ragıp Gümüşpala Cad. No:10, 34134 Eminönü, Fatih / İstanbul",
    "note": "Sorularınız ve iş birliği önerileriniz için iletişim formunu kullanabilirsiniz.",
}

# The old site's section addresses, redirected permanently to the new pages (old path, key of
# the target page, language of the target page). Editors manage them under Settings →
# Redirects; the seed only creates missing ones.
OLD_ADDRESSES = [
    ("/tr/yerel-diplomasi", "local-diplomacy", "tr"),
    ("/en/local-diplomacy", "local-diplomacy", "en"),
    ("/tr/uluslararasi-is-birlikleri", "memberships", "tr"),
    ("/en/international-cooperation", "memberships", "en"),
]
