"""Word lists behind name and company finding: labels, honorifics, closings, company suffixes, titles."""

from __future__ import annotations

import re

NAME_LABELS = frozenset(
    {
        "name", "full name", "your name", "customer", "customer name", "contact", "contact person",
        "contact name", "buyer", "buyer name", "from", "sender", "visitor", "visitor name", "visiteur",
        "visitante", "gość", "gosc", "de", "von", "da", "remitente", "expéditeur", "от", "від", "od", "kimden",
        "аты-жөнү", "аты-жөні", "аты жөнү", "ism-familiya", "ism familiya", "f.i.sh", "ф.и.о", "фио",
        "差出人", "发件人", "姓名", "客户", "客户姓名",
        "客户名称", "买家", "买家姓名", "联系人", "名字", "称呼", "nome", "nome completo", "nombre",
        "nombre completo", "nom", "nom complet", "prénom et nom", "имя", "контактное лицо", "ім'я",
        "contacto", "persona de contacto", "الاسم", "اسم", "الاسم الكامل", "المسؤول", "من", "ad soyad", "ad",
        "isim", "yetkili", "nama", "nama lengkap", "họ tên", "họ và tên", "tên", "người liên hệ", "kontakt",
        "ansprechpartner", "контакт", "name des kunden", "requester", "applicant", "client", "cliente", "cliente nome",
        # the buyer of a marketplace lead in more languages
        "покупатель", "заказчик", "покупець", "замовник", "käufer", "käuferin", "acheteur", "acheteuse",
        "alıcı", "pembeli", "người mua", "المشتري", "kupujący", "koper", "acquirente",
        # Korean and Japanese mail headers and forms: sender, contact person, name
        "보낸 사람", "보낸사람", "담당자", "성함", "이름",
        "ご担当者名", "担当者名", "ご担当者", "担当者", "氏名", "お名前", "寄件者", "寄件人",
        # Thai and Persian forms: name, full name, contact person
        "ชื่อ", "ชื่อ-นามสกุล", "ชื่อ - นามสกุล", "ชื่อผู้ติดต่อ", "ผู้ติดต่อ", "نام", "نام و نام خانوادگی",
    }
)
COMPANY_LABELS = frozenset(
    {
        "company", "company name", "organization", "organisation", "organization name", "firm", "business name",
        "公司", "公司名称", "单位", "企业名称", "客户公司", "买家公司", "empresa", "nombre de la empresa",
        "razón social", "razão social", "компания", "организация", "організація", "компанія", "société",
        "entreprise", "الشركة", "اسم الشركة", "المؤسسة", "firma", "firma adı", "şirket", "azienda", "perusahaan",
        "nama perusahaan", "công ty", "tên công ty", "บริษัท", "ชื่อบริษัท", "หน่วยงาน",
        "会社名", "貴社名", "御社名", "회사명", "회사", "업체명",
        "unternehmen", "institution", "university", "employer",
        "اسم الجهة", "جهة العمل", "entity", "entidade",
        # a public body or any organisation in more languages
        "ente", "organismo", "entidad", "institución", "instituição", "órgão", "organisme", "établissement",
        "einrichtung", "behörde", "organisation name", "organizacja", "instytucja", "kurum", "kuruluş",
        "учреждение", "установа", "ragione sociale", "società", "nome azienda", "bedrijf", "bedrijfsnaam",
        "organisatie", "företag", "yritys", "virksomhed", "instansi", "lembaga", "cơ quan", "الجهة",
        # Malay, Indonesian, Swahili, Turkish, Polish and Persian words for an organisation or a workplace
        "organisasi", "syarikat", "nama syarikat", "majikan", "shirika", "kampuni", "taasisi", "kurum adı",
        "firma / instytucja", "zakład", "سازمان", "شرکت", "نام شرکت",
    }
)
PRODUCT_LABELS = frozenset(
    {
        "product", "products", "product name", "product(s)", "item", "items", "model", "interested product",
        "product of interest", "inquiry product", "looking for", "interested in", "requirement", "requirements",
        "产品", "产品名称", "咨询产品", "询盘产品", "意向产品", "型号", "需求", "求购", "producto", "productos",
        "produto", "produtos", "produit", "produits", "продукт", "продукция", "товар", "المنتج", "المنتجات",
        "sản phẩm", "produk", "ürün", "produkt",
    }
)
HONORIFIC_RE = re.compile(
    # German degrees joined to the title first: "Dr.-Ing.", "Dr. rer. nat.", "Dipl.-Ing."
    r"^(?:(?:dr|dipl)\.-\w+\.|dr\.\s?(?:rer|med|phil)\.(?:\s?\w+\.)?|"
    r"(?:mr|mrs|ms|miss|dr|prof|eng|engr|ing|lic|mme|mlle|m|sr|sra|srta|dra|herrn|herr|frau|sir|madam|sister|rev|ato|w/ro|"
    r"г-н|г-жа|господин|госпожа|bapak|pak|ibu|bu|anh|chị|ông|bà|em|sayın|pr|bi|bw|bwana|puan|encik|tuan|cik|"
    r"chief|alhaji|alhaja|hajia|haji|hj|khun|mag|κος|κα|κυρ|آقای|خانم|"
    # Hausa "Mallam", Spanish "Doña" ("Dña."), Polish "Pani", a Mexican chemist's "Q.F.B."/"Q.F.I." (not "Don" nor
    # "Pan": English and Chinese names)
    r"mallam|doña|dña|pani|q\.f\.[bi]|qfb|qfi|blgo|biol|"
    # Swahili Daktari and Mhandisi, Polish and Czech degrees ("mgr inż.", "dr hab."), Malay "Dato'", "Ir."
    r"dkt|daktari|mhandisi|mhe|mgr|inż|inz|hab|lek|ir|ts|"
    # a teacher, a scholar: Swahili, Malay and Arabic in Latin letters ("Ustaz Hamisi Juma")
    r"ustaz|ustadh|ustadz|mwalimu|sheikh|shaykh)\.?|(?:eng|dr|sr|prof)\.?ª|dato['’]?|"
    # German signing on someone's behalf: "i.A. Stefan Brauer", "i.V.", "ppa."
    r"i\.\s?[av]\.|ppa\.|السيد|السيدة|المهندس|المهندسة|الحاج|الحاجة|"
    r"الدكتور|الدكتورة|الأستاذ|الاستاذ|د\.|م\.|أ\.|مهندس|دکتر)\s+(?=\S)",  # أ. (ustadh); Persian engineer, doctor
    re.IGNORECASE,
)
# 先生/女士 after a Chinese or Latin name; "Bey"/"Hanım" after a Turkish one.
HONORIFIC_TAIL_RE = re.compile(r"\s*(?:先生|女士|小姐|经理|总|様|さん|님|\s(?:bey|hanım|san|here))$", re.IGNORECASE)
# Degrees and memberships written after a signature's name ("Sarah Whitfield CEng", "Omar Haddad, PhD, PMP"):
# capitals as written, so that no surname is cut (not "MBA": a Gabonese surname, written in capitals).
POST_NOMINAL_RE = re.compile(
    r"(?:,?\s+(?:CEng|IEng|C\.Eng\.|PhD|Ph\.D\.?|DPhil|MSc|M\.Sc\.|BSc|B\.Sc\.|BEng|MEng|PMP|P\.E\.|CChem|"
    r"MRSC|FRSC|CSci|FIMMM|MIMechE|MIET|MICE|DVM|PharmD|Esq\.?))+$"
)
# Arabic titles before a name: "المهندس خالد الشمري", "السيدة …"
ARABIC_TITLE_WORDS = r"السيد|السيدة|المهندس|المهندسة|الدكتور|الدكتورة|الأستاذ|الاستاذ"
# A shared mailbox's local part, also with a short unit after it ("abastecimiento.fi@", "info2@"; not
# "sales.mike@", "zakupy.kzajac@": a person's own address)
ROLE_LOCAL_RE = re.compile(
    r"(?:info|sales|admin|office|contact|mail|hello|support|procurement|purchasing|purchase|purchases|tenders?|bids?|"
    r"compras|abastecimiento|contratacion|contrataciones|licitaciones?|adquisiciones|zakupki|zakupka|priemnaya|sekretariat|kancelaria|"
    r"secretaria|secretary|secretariat|reception|accounts|accounting|finance|invoices?|billing|import|export|"
    r"logistics|enquiries|inquiries|general|ventas|vendas|achats|einkauf|satinalma|post|office\d*|no-?reply|webmaster|"
    r"careers|jobs|hr|press|newsletter|zamowienia|przetargi|zakupy|gare|appalti|acquisti|ufficiogare|vergabe|"
    r"beschaffung)"
    r"(?:[._-]?\d{1,2}|[._-][a-z]{2})?",
    re.IGNORECASE,
)
# A mail's subject label at a line's start: "Subject:", "Asunto:", "Betreff:", "Тема:"
SUBJECT_LABEL = r"[ \t>]*(?:subject|asunto|assunto|betreff|objet|oggetto|тема|konu)[ \t]*:"
CLOSING_RE = re.compile(
    r"^[ \t]*(?:best\s+regards|kind\s+regards|warm\s+regards|warmest\s+regards|regards|best\s+wishes|best|"
    r"thanks(?:\s+(?:and|&)\s+regards)?|thank\s+you|many\s+thanks|sincerely|yours\s+(?:sincerely|faithfully)|"
    r"cheers|saludos(?:\s+cordiales)?|un\s+saludo|atentamente|atte\.?|cordialmente|atenciosamente|abraços|obrigad[oa]|"
    r"abs\.?(?=[ \t]*,?[ \t]*$)|"
    r"gracias|(?:(?:bien|très|tres)\s+)?cordialement|bien\s+(?:à|a)\s+vous|mit\s+freundlichen\s+grüßen|viele\s+grüße|"
    r"(?:beste|liebe|herzliche|freundliche|schöne)\s+grüße|met\s+vriendelijke\s+groet|groet(?:en)?|mvg|"
    r"с\s+уважением|з\s+повагою|مع\s+(?:(?:أطيب|خالص|فائق)\s+)?(?:التحيات|التحية|تحياتي|الشكر|الاحترام)|تحياتي|شكرا|با\s+(?:تشکر|سپاس|احترام)|ممنون|"
    r"terima\s+kasih|salam\s+hormat|asante(?:\s+sana)?|ขอบคุณ(?:ครับ|ค่ะ)?|此致敬礼|此致|顺祝商祺|祝好|"
    r"trân\s+trọng|salam|hormat\s+kami|saygılarımızla|saygılarımla|pozdrawiam|z\s+poważaniem|s\s+poštovanjem|"
    r"srdačan\s+pozdrav|srdačno|lijep\s+pozdrav|s\s+pozdravem|με\s+εκτίμηση|με\s+φιλικούς\s+χαιρετισμούς|cu\s+stimă|"
    r"cu\s+respect|distinti\s+saluti|cordiali\s+saluti|met\s+vriendelijke\s+groeten|med\s+vänliga\s+hälsningar|"
    r"med\s+venlig\s+hilsen|tisztelettel|üdvözlettel|(?:sinc[èe]res\s+|meilleures\s+)?salutations(?:\s+distinguées)?|"
    r"veuillez\s+agréer[^\n]{0,80}|құрметпен|урматтоо\s+менен|hurmat\s+bilan|хүндэтгэсэн|"
    r"з\s+павагай|ከሰላምታ\s+ጋር|सादर|धन्यवाद|ধন্যবাদ|শুভেচ্ছান্তে|شکریہ|감사합니다|hormat\s+saya|saygılar|--)"
    r"(?![a-zà-ÿ])[ \t]*[,，!.。]?[ \t]*(?P<rest>[^\n]*)$",  # not "Best" of "Beste Grüße"
    re.IGNORECASE | re.MULTILINE,
)


def is_closing_phrase(text: str) -> bool:
    """`text` is a letter's closing of more than one word and nothing else ("مع التحية", "Best regards"): no name,
    though it stands alone on the line above a signature's department."""
    closing = CLOSING_RE.match(text.strip())
    return bool(closing and len(text.split()) > 1 and not closing.group("rest").strip())


# Legal forms: a company name ends with one ("ACME Ltd", "ООО «Прибор»" starts with one).
LEGAL_RE = re.compile(
    r"(?<!\w)(?:s\.a\.e|ltd\.?\s*şti|\(pty\)\s*ltd|gmbh(?:\s*&\s*co\.\s*kg)?|sp\.\s*z\s*o\.o|"
    r"s\.?\s?a\.?\s*de\s*c\.?\s?v|s\.?\s?de\s?r\.?\s?l\.?(?:\s*de\s*c\.?\s?v)?|s\.?\s?coop(?:\.\s?(?:and|v))?|coop\.\s?v|s\.?r\.?o|s\.?a\.?c|s\.?a\.?s|s\.a\.l|s\.?\s?a|ltd|limited|llc|l\.l\.c|inc|corp|corporation|co|"
    r"company|ag|plc|pty|fze|fzco|fzc|w\.?l\.?l|est\.|s\.?l|s\.?r\.?l|s\.?p\.?a|spa|e\.?i\.?r\.?l|"
    r"ltda(?:[ \t]*-[ \t]*(?-i:ME|EPP))?|lda|mchj|мчж|sarl(?:\s?(?-i:AU))?|suarl|sas|"
    r"srl|bv|b\.v|nv|n\.v|(?<!\d)(?<!\d )kg|"  # "KG", never "10 kg"
    r"a\.ş|şti|tbk|jsc|pjsc|cjsc|ojsc|jllc|d\.o\.o|d\.d|α\.ε|ε\.π\.ε|ι\.κ\.ε|ο\.ε|ооо|оао|зао|пао|ао|тоо|тов|осоо|чуп|ип|sdn\.?\s*bhd|bhd|pvt|s/a|"
    # Short forms that are also words or letters, matched with their case: Nordic AB, A/S, ApS, Oy, Oyj; Hungarian
    # Kft., Zrt., Nyrt., Bt.; Czech/Slovak a.s.; Venezuelan C.A.; Baltic UAB, SIA, OÜ; Bulgarian EOOD, OOD; Mexican
    # ", S.C." and ", A.C." (civil companies and associations; not "Rock Hill S.C.", "A.C. power"); Colombian
    # utilities' E.S.P. after S.A.S.
    r"(?-i:AB|A/S|ApS|Oy|Oyj|Kft|Zrt|Nyrt|Bt|a\.s|C\.A|UAB|SIA|OÜ|EOOD|OOD|e\.K|e\.U|S\.A\.E|(?<=, )S\.C|(?<=, )A\.C|"
    r"E\.S\.P|ЖШС|ХХК|МП|ГП|ЧП|MMC|MMŞ)|"
    # Arabic company forms: ش.م.م (limited liability), ش.م.ع / ش.م.ق (joint-stock), ذ.م.م (UAE LLC).
    r"[شذ]\.?\s?م\.?\s?[مقع])"
    r"(?:\.|(?![^\W\d_]))"
    r"|有限公司|公司|^(?:شركة|شرکت|مؤسسة)\s+\S|^pt\s|^cv\s|^công\s+ty|^cty",
    re.IGNORECASE,
)
# Words that make a line a company name even without a legal form ("Maabara Labs Kenya").
COMPANY_WORD_RE = re.compile(
    r"(?<![^\W\d_])(?:lab|labs|laboratory|laboratories|laboratorio|laboratorios|laboratório|laboratórios|"
    r"laboratoire|laboratoires|laboratuvar|labor|labo|scientific|scientifics|diagnostics|medical|pharma|supplies|supply|trading|"
    r"industries|industrial|group|enterprises?|solutions|technologies|tech|instruments|instrumentos|"
    r"comercial|importadora|distribuidora|university|universidad|universidade|institute|instituto|hospital|"
    r"clinic|clínica|clínico|clinique|clinica|klinik|klinika|services|servicios|análises|analyse|analytik|analit|bodegas|viña|minera|"
    r"mining|water|aguas|foods?|alimentos|petroleum|chemicals?|química|quimica|kimya|bodega|winery|farms?|"
    r"fazenda|hacienda|cooperativa|cooperative|agro|pharmaceuticals?|farmac[eê]utica|biotech|engineering|"
    r"ingeniería|engenharia|holding|corporación|corporação|consulting|société|sociedad|sociedade|compañía|"
    r"companhia|groupe|grupo|analyses|análisis|analysis|analytics|analytical|analítica|analitica|biosciences|"
    r"sciences|biologics|biologicals|pharmacy|pharmacies|farmacia|farmácia|pharmacie|apteka|аптека|brewery|breweries|ventures|"
    r"dairy|dairies|laticínios|lácteos|mills|refinery|refining|textiles|ceramics|polymers|plastics|fertilizers?|"
    r"beverages|bottling|healthcare|environmental|testing|inspection|diagnostic|ministry|ministerio|ministério|"
    r"ministère|municipality|authority|agency|council|universiti|universitas|üniversitesi|uniwersytet|università|"
    r"université|universität|hochschule|politechnika|politecnico|polytechnic|politécnica|politécnico|polytechnique|"
    r"akademia|academy|instytut|institut|politeknik|cervejaria|cervecería|bureau|board|commission|directorate|"
    # public bodies without a legal form: water boards, municipal works, town halls, university hospitals
    r"waterschap|hoogheemraadschap|wasserverband|zweckverband|stadtwerke|gemeente|gemeinde|municipio|municipalidad|"
    r"prefeitura|mairie|chu|chr|ayuntamiento|comune|mamlaka|idara|wizara|viện|sở|trường|bệnh\s+viện|"
    # Swahili and Polish words for hospitals, waterworks, plants and cooperatives
    r"hospitali|zahanati|kiwanda|taasisi|chuo|szpital\w*|wodociąg\w*|przedsiębiorstw\w*|spółdzielni\w*|zakład\w*|"
    r"mleczarni\w*|uczelni\w*|"
    # Turkish institutes, hospitals, faculties and directorates ("Karadeniz Gıda Araştırma Enstitüsü")
    r"enstitüsü|hastanesi|fakültesi|müdürlüğü|belediyesi|laboratuvarı|"
    # a Dutch hospital ("Ziekenhuis Noorderhaven")
    r"ziekenhuis)(?![^\W\d_])"
    r"|(?<![^\W\d_])(?i:министерство|агентство|комитет|институт|университет|управление|инспекция|департамент|"
    r"медицинский\s+центр|медцентр|"
    r"міністерство|інститут|університет|управління)(?![^\W\d_])"
    r"|лаб|مختبر|معمل|مصنع|مستشفى|جامعة|كلية|معهد|مركز|مجموعة|مؤسسة|مديرية|وزارة|هيئة|بلدية|شركة|مكتب|شرکت|دانشگاه|آزمایشگاه|بیمارستان",
    re.IGNORECASE,
)
TITLE_WORDS = frozenset(
    {
        "manager", "director", "engineer", "purchasing", "procurement", "sales", "buyer", "ceo", "owner",
        "department", "unidad", "unidade", "gerente", "diretor", "diretora", "comprador", "compras", "ingeniero",
        "engenheiro",
        "ufficio", "acquisti", "achats", "einkauf", "inkoop", "zakupów", "zakupy", "закупок",
        "directeur", "responsable", "директор", "менеджер", "инженер", "مدير", "مهندس", "team", "dept", "head",
        "officer", "lead", "jefe", "jefa", "laborleiter", "laborleiterin", "staff", "assistant", "sir", "madam",
        "dear", "hello", "hi", "hola", "olá", "bonjour", "merhaba", "здравствуйте", "customer", "client",
        "message", "instagram", "linkedin", "facebook", "alibaba", "telegram", "twitter", "wechat",
        "messenger", "trademanager", "zalo", "inquiry", "enquiry", "rfq", "quotation", "price", "the",
        "and", "for", "with", "need", "please", "thanks", "regards", "mobile", "phone", "email", "tel", "whatsapp",
        "website", "contact", "form", "chat", "visitor", "company", "country", "product", "subject", "sent",
        "attachment", "dm", "via", "from", "to", "cc", "fw", "re", "hp", "cel", "cell", "fax", "mob", "wa",
        "السلام", "عليكم", "ورحمة", "وبركاته", "بسم", "للاستفسارات", "للتواصل",
        "مرحبا", "مرحباً", "اهلا", "أهلا", "صباح", "مساء", "الخير", "تحية", "buongiorno", "salve",
        "buenos", "buenas", "bom", "boa", "добрый", "доброго", "привет", "салам", "xin", "chào",
        "habari", "jambo", "salamu", "mambo", "sawubona", "halo", "hallo", "selamat", "ciao", "goedemiddag",
        "goedemorgen", "goedendag", "hej", "hei", "moi", "szia", "ahoj", "dzień", "dobry", "dobrý", "shalom",
        "namaste", "marhaba", "ahlan", "grüß", "gott", "servus", "moin", "您好", "你好", "мен", "original",
        "forwarded", "quoted",
        "الهاتف", "هاتف", "الايميل", "الإيميل", "ايميل", "البريد", "رقم", "رقمي", "جوال", "الجوال", "واتساب",
    }
)
JOB_WORDS = frozenset(
    {
        "manager", "director", "engineer", "purchasing", "procurement", "sales", "buyer", "ceo", "owner",
        "gerente", "diretor", "diretora", "comprador", "compras", "ingeniero", "engenheiro", "directeur",
        "responsable", "директор", "менеджер", "инженер", "مدير", "مهندس",
        "مشرف", "مشرفة", "مديرة", "رئيس", "رئيسة", "أخصائي", "أخصائية", "head", "officer", "lead", "jefe",
        "jefa", "laborleiter", "laborleiterin", "staff", "assistant", "directora", "achats", "закупкам",
        "coordinator", "coordinador", "coordinadora", "coordenador", "coordenadora", "coordinateur", "supervisor",
        "specialist", "analyst", "chemist", "technician", "técnico", "técnica", "técnicos", "responsável",
        "müdür", "müdürü", "sorumlusu", "uzmanı", "uzman", "şefi", "satın", "satınalma", "kierownik", "kierowniczka",
        "dyrektor",
        "specjalista", "leiter", "leiterin", "einkauf", "einkäufer", "einkäuferin", "руководитель", "начальник",
        "заведующий", "заведующая", "специалист", "главный", "технолог", "керівник", "mudir", "qc", "qa",
        "trưởng", "giám", "chief", "president", "vp", "admin", "administrator", "secretary", "scientist",
        "researcher", "microbiologist", "biologist", "pharmacist", "professor", "lecturer", "consultant",
        "executive", "representative", "scientifique", "científico", "cientista", "investigador", "pesquisador",
        "md", "pegawai", "perolehan", "pengadaan", "pembelian", "manajer", "kepala", "staf", "pengurus",
        "مدیر", "کارشناس", "mkuu", "afisa", "meneja",
        "supervisora", "analista", "encargado", "encargada", "chefe", "assistente",
        "asistente", "secretária", "teamleider", "teamleiter", "responsabile", "direttore", "direttrice", "ingegnere",
        "ingénieur",
        "acheteur", "acheteuse", "inkoper", "inkoopadviseur",
    }
)
PARTICLES = frozenset(
    {"da", "de", "do", "dos", "das", "del", "la", "van", "von", "der", "den", "al", "el", "bin", "ibn", "ter", "i",
     "binti", "bint", "binte", "bte", "ould",
     "y", "e", "di", "du", "le", "des"}
)

# Words of things and requests: a line made of them ("Rotary Evaporator", "Urgent Request") is no person.
# Thai writes "คุณ" (Khun: Mr/Ms) joined to the name ("คุณสมชาย"); not the word คุณภาพ (quality), คุณสมบัติ.
THAI_KHUN_RE = re.compile(r"^คุณ(?!ภาพ|สมบัติ)(?=\S)")
# An organisation's unit signing or heading a message ("Procurement Section", "Departament Achiziții"): no person.
UNIT_WORDS = frozenset({"section", "department", "departament", "departamento", "département", "dept", "division",
                        "office", "tenders", "achiziții", "achizitii", "отдел", "sección", "seccion", "abteilung",
                        "dział", "ufficio", "bureau", "afdeling", "birimi", "müdürlüğü", "قسم", "إدارة", "사무실",
                        "구매팀", "support", "service", "services", "team", "équipe", "technique", "channel", "canal",
                        "группа", "канал", "поддержка",
                        # a department's mailbox signs with its name: "Accounts Payable", "Secrétariat Direction",
                        # "Comercio Exterior", "Secretaría de Gerencia", "Приёмная", "Бухгалтерия", "سكرتارية …"
                        "accounts", "payable", "receivable", "finance", "adquisiciones", "compras", "procurement",
                        "purchasing", "secrétariat", "secretariat", "secretaría", "secretaria", "secretariado",
                        "gerencia", "comercio", "exterior", "einkauf", "achats", "приёмная", "приемная",
                        "бухгалтерия", "снабжение", "закупки", "سكرتارية", "المشتريات", "الحسابات"})
# Pronouns that open a sentence capitalised ("Vocês tem distribuidor aqui?"): nobody's name.
# A chat message's greeting that a name finder reads as a name ("Visitor: salom, sizda … bormi?"); not "Salam", a
# given name too.
GREETINGS = frozenset({"hello", "hi", "hey", "hola", "olá", "oi", "salom", "merhaba", "bonjour", "hallo", "ciao",
                       "jambo", "habari", "buenas", "buenos", "привет", "здравствуйте", "вітаю", "salut",
                       "witam", "cześć", "czesc"})
PRONOUNS = frozenset({"você", "vocês", "voce", "voces", "usted", "ustedes", "vous", "nosotros", "nosotras", "nós",
                      "nous", "vosotros", "ellos", "elles", "eles", "they", "we", "you", "wir", "sie", "ihr",
                      "мы", "ми", "вы", "ви", "они", "вони"})  # "Ми — ТОВ «…»" (not Latin "My": a Vietnamese name)
THING_WORDS = frozenset(
    {
        "request", "question", "urgent", "important", "order", "tender", "notice", "bid", "bidding", "invitation",
        "sample", "samples", "catalog", "catalogue", "brochure",
        "details", "specification", "specifications", "attached", "attachment", "invoice", "proforma",
        "delivery", "shipping", "meter", "analyzer", "analyser", "machine", "equipment", "system", "instrument",
        "instruments", "device", "apparatus", "oven", "incubator", "centrifuge", "balance", "evaporator",
        "spectrophotometer", "spectrometer", "microscope", "autoclave", "furnace", "chromatograph", "titrator",
        "pump", "reactor", "chamber", "bath", "shaker", "stirrer", "thermometer", "kit", "reagent", "reagents",
        "tester", "detector", "sensor", "cabinet", "hood", "freezer", "refrigerator", "dryer", "mixer", "mill",
        "printer", "counter", "controller", "lamp", "filter", "scale", "pipette", "pipettes", "hplc", "viscometer",
        "photometer", "colorimeter", "refractometer", "polarimeter", "cycler", "purifier", "distiller",
        "thanks", "regards", "price", "quotation", "quote", "offer", "inquiry", "enquiry", "info",
    }
)
