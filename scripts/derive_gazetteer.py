#!/usr/bin/env python3
"""Derive the irkg gazetteer files in kg/data/ from the reference sources.

Sources
  * Phoenix actor and agent dictionaries (PETRARCH2, TABARI format), MIT licence,
    Copyright (c) 2014 Open Event Data Alliance:
      Phoenix.Countries.actors.txt      dated office terms (used for some leader dates)
      Phoenix.International.actors.txt  IGOs and NGOs (bulk of organizations.tsv)
      Phoenix.MilNonState.actors.txt    armed non-state groups (bulk of organizations.tsv)
      Phoenix.agents.txt                common nouns -> CAMEO sectors (bulk of agents.tsv)
  * pycountry (LGPL), used only as a source of facts: ISO 3166-1 codes and names.
  * Hand-curated additions kept in this file (CURATED_* blocks below): labels,
    aliases, demonyms, capitals and seats of power, major organizations, titles
    and office holders after 2014 (from general knowledge).

Usage
    python scripts/derive_gazetteer.py [--phoenix DIR] [--out DIR]

The output is deterministic: re-running the script regenerates the files
byte for byte.  The Phoenix directory defaults to $IRKG_PHOENIX_DIR, else
<repo>/../shared/reference/phoenix.
"""
from __future__ import annotations

import argparse
import os
import re
import sys
import unicodedata
from pathlib import Path

import pycountry

REPO = Path(__file__).resolve().parents[1]
DEFAULT_OUT = REPO / "kg" / "data"
DEFAULT_PHOENIX = Path(os.environ.get("IRKG_PHOENIX_DIR", REPO.parent / "shared" / "reference" / "phoenix"))

PHOENIX_NOTICE = (
    "Phoenix dictionaries (PETRARCH2), MIT licence, Copyright (c) 2014 Open Event Data Alliance"
)

# --------------------------------------------------------------------------
# TABARI parsing
# --------------------------------------------------------------------------

CODE_RE = re.compile(r"\[([^\]]*)\]")


def parse_tabari(path: Path) -> list[dict]:
    """Parse a TABARI .actors file into blocks {name, syn, codes, line}.

    An entry is an unindented upper-case name; `+` lines add synonyms;
    bracketed codes (optionally with date ranges) follow on the same line or on
    indented lines.  `#` starts a comment.
    """
    blocks: list[dict] = []
    cur = None
    with open(path, encoding="utf-8", errors="replace") as fh:
        for lineno, raw in enumerate(fh, 1):
            line = raw.rstrip("\n").split("#", 1)[0].rstrip()
            if not line.strip():
                continue
            if line.startswith("+"):
                if cur is not None:
                    syn = line[1:].split("[", 1)[0].strip()
                    if syn:
                        cur["syn"].append(syn)
                    cur["codes"] += CODE_RE.findall(line)
                continue
            if line[0] in " \t":
                if cur is not None:
                    cur["codes"] += CODE_RE.findall(line)
                continue
            cur = {"name": line.split("[", 1)[0].strip(), "syn": [],
                   "codes": CODE_RE.findall(line), "line": lineno}
            blocks.append(cur)
    return blocks


def parse_tabari_date(s: str) -> str:
    """'990809' -> '1999-08-09', '20100711' -> '2010-07-11' (TABARI pivot: 00-29 = 20xx)."""
    s = s.strip()
    if len(s) == 8:
        y, m, d = s[:4], s[4:6], s[6:]
    elif len(s) == 6:
        yy = int(s[:2])
        y = str(2000 + yy if yy < 30 else 1900 + yy)
        m, d = s[2:4], s[4:]
    else:
        raise ValueError(s)
    return f"{y}-{m}-{d}"


# --------------------------------------------------------------------------
# text helpers
# --------------------------------------------------------------------------

def fold(s: str) -> str:
    """ASCII-fold: 'Côte d’Ivoire' -> "Cote d’Ivoire" (only strips diacritics)."""
    out = unicodedata.normalize("NFKD", s)
    out = "".join(ch for ch in out if not unicodedata.combining(ch))
    return out.replace("ı", "i").replace("ł", "l").replace("Ł", "L").replace("ø", "o").replace("đ", "d")


def key(s: str) -> str:
    """Normalisation used for collision checks."""
    return re.sub(r"\s+", " ", fold(s).replace("’", "'")).strip().casefold()


def uniq(items):
    seen, out = set(), []
    for it in items:
        it = it.strip()
        if it and it not in seen:
            seen.add(it)
            out.append(it)
    return out


def with_folded(items):
    """Add diacritic-free variants next to names that have diacritics."""
    out = []
    for it in items:
        out.append(it)
        f = fold(it)
        if f != it:
            out.append(f)
    return uniq(out)


def strip_the(s: str) -> str:
    return re.sub(r"^(the|The)\s+", "", s.strip())


SMALL_WORDS = {"of", "the", "and", "for", "in", "on", "to", "at", "by", "with", "against", "from",
               "de", "du", "des", "la", "le", "les", "del", "el", "y", "et", "pour", "sans", "da",
               "di", "do", "dos", "das", "van", "von", "der", "den", "wal", "lil", "li", "bin", "ibn", "a", "an"}
KEEP_UPPER = {"UN", "U.N.", "US", "U.S.", "USA", "UK", "EU", "NGO", "NGOS", "HIV", "AIDS", "ASEAN", "OPEC",
              "UNESCO", "UNICEF", "ICRC", "YMCA", "YWCA", "SOS", "II", "III", "IV", "HIV/AIDS", "DC", "TV",
              "ICT", "IT", "IRA", "SAARC", "SADC", "ECOWAS", "OAS", "OSCE", "NATO", "CIS"}


def natural_case(tabari: str) -> str:
    """'INTERNATIONAL_COMMITTEE_OF_THE_RED_CROSS_' -> 'International Committee of the Red Cross'."""
    s = tabari.strip().strip("_").replace("_", " ")
    s = re.sub(r"\s+", " ", s).strip()
    words = s.split(" ")
    out = []
    for i, w in enumerate(words):
        if w.upper() in KEEP_UPPER:
            out.append(w.upper())
            continue
        lw = w.lower()
        if 2 <= len(w) <= 4 and w.isalpha() and not re.search(r"[AEIOUY]", w.upper()):
            out.append(w.upper())       # acronym without vowels: GCS, NGO-like
            continue
        if i > 0 and lw in SMALL_WORDS:
            out.append(lw)
            continue
        parts = re.split(r"(-)", lw)
        cased = []
        for j, p in enumerate(parts):
            if p == "-":
                cased.append(p)
            elif p in ("al", "el", "ad", "ash", "as", "an", "ar", "at", "az", "ud", "ul", "ur", "e") and j + 1 < len(parts):
                cased.append(p if (i > 0 or j > 0) else p.capitalize())
            else:
                cased.append(p[:1].upper() + p[1:])
        w2 = "".join(cased)
        # apostrophes: women's, people's stay lower after the apostrophe
        w2 = re.sub(r"'([A-Z])(?=\w)", lambda m: "'" + m.group(1), w2)
        out.append(w2)
    return " ".join(out)


def tsv_field(v) -> str:
    if isinstance(v, (list, tuple)):
        v = "|".join(v)
    v = "" if v is None else str(v)
    if "\t" in v or "\n" in v:
        raise ValueError(f"tab/newline in field: {v!r}")
    return v


def write_tsv(path: Path, comments: list[str], header: list[str], rows: list[list]) -> None:
    lines = [f"# {c}" if c else "#" for c in comments]
    lines.append("\t".join(header))
    for r in rows:
        if len(r) != len(header):
            raise ValueError(f"{path.name}: row has {len(r)} fields, header {len(header)}: {r}")
        lines.append("\t".join(tsv_field(x) for x in r))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def split_list(s: str) -> list[str]:
    return [x.strip() for x in s.split(";") if x.strip()]
CURATED_COUNTRIES = """
AFG|Afghanistan|Islamic Emirate of Afghanistan|Afghan;Afghans|Kabul;Arg Palace|
ALB|Albania||Albanian;Albanians|Tirana;Tiranë|
DZA|Algeria||Algerian;Algerians|Algiers;El Mouradia|
AND|Andorra||Andorran;Andorrans|Andorra la Vella|
AGO|Angola||Angolan;Angolans|Luanda|
ATG|Antigua and Barbuda|Antigua|Antiguan;Antiguans|St. John's;Saint John's|St. John's;Saint John's
ARG|Argentina||Argentine;Argentines;Argentinian;Argentinians;Argentinean;Argentineans|Buenos Aires;Casa Rosada|
ARM|Armenia||Armenian;Armenians|Yerevan|
AUS|Australia|Commonwealth of Australia|Australian;Australians|Canberra|
AUT|Austria||Austrian;Austrians|Vienna|
AZE|Azerbaijan||Azerbaijani;Azerbaijanis;Azeri;Azeris|Baku|
BHS|Bahamas||Bahamian;Bahamians|Nassau|Nassau
BHR|Bahrain||Bahraini;Bahrainis|Manama|
BGD|Bangladesh||Bangladeshi;Bangladeshis|Dhaka;Dacca|
BRB|Barbados||Barbadian;Barbadians;Bajan;Bajans|Bridgetown|
BLR|Belarus|Byelorussia;Belorussia|Belarusian;Belarusians;Belarussian;Belarussians|Minsk|
BEL|Belgium||Belgian;Belgians|Brussels|
BLZ|Belize||Belizean;Belizeans|Belmopan|
BEN|Benin||Beninese|Porto-Novo;Cotonou|
BTN|Bhutan||Bhutanese|Thimphu|
BOL|Bolivia||Bolivian;Bolivians|La Paz;Sucre|
BIH|Bosnia and Herzegovina|Bosnia-Herzegovina;Bosnia and Hercegovina;Bosnia|Bosnian;Bosnians|Sarajevo|
BWA|Botswana||Motswana;Batswana;Botswanan;Botswanans|Gaborone|
BRA|Brazil|Brasil|Brazilian;Brazilians|Brasilia;Brasília;Planalto|
BRN|Brunei|Brunei Darussalam;Nation of Brunei|Bruneian;Bruneians|Bandar Seri Begawan|
BGR|Bulgaria||Bulgarian;Bulgarians|Sofia|Sofia
BFA|Burkina Faso|Burkina|Burkinabe;Burkinabè|Ouagadougou|
BDI|Burundi||Burundian;Burundians|Gitega;Bujumbura|
CPV|Cape Verde|Cabo Verde;Republic of Cape Verde|Cape Verdean;Cape Verdeans;Cabo Verdean;Cabo Verdeans|Praia|
KHM|Cambodia|Kampuchea|Cambodian;Cambodians;Khmer|Phnom Penh|
CMR|Cameroon||Cameroonian;Cameroonians|Yaounde;Yaoundé|
CAN|Canada||Canadian;Canadians|Ottawa;Parliament Hill|
CAF|Central African Republic|CAR;Centrafrique|Central African;Central Africans|Bangui|CAR;Central African;Central Africans
TCD|Chad||Chadian;Chadians|N'Djamena;Ndjamena|Chad
CHL|Chile||Chilean;Chileans|Santiago;La Moneda|Santiago
CHN|China|PRC;P.R.C.;Mainland China;Communist China;Red China|Chinese|Beijing;Peking;Zhongnanhai|
COL|Colombia||Colombian;Colombians|Bogota;Bogotá;Casa de Nariño;Casa de Narino|
COM|Comoros|Union of Comoros|Comorian;Comorians|Moroni|Moroni
COG|Republic of Congo|Congo Republic;Congo-Brazzaville;Congo Brazzaville||Brazzaville|
COD|Democratic Republic of Congo|Democratic Republic of the Congo;DR Congo;D.R. Congo;DRC;D.R.C.;Congo-Kinshasa;Congo Kinshasa;Congo;Zaire|Congolese|Kinshasa|Congo;Congolese;Zaire
CRI|Costa Rica||Costa Rican;Costa Ricans|San Jose;San José|San Jose;San José
CIV|Ivory Coast|Côte d'Ivoire;Côte d’Ivoire;Cote d'Ivoire;Cote d’Ivoire;Cote D'Ivoire|Ivorian;Ivorians|Yamoussoukro;Abidjan|
HRV|Croatia|Hrvatska|Croatian;Croatians;Croat;Croats|Zagreb|
CUB|Cuba||Cuban;Cubans|Havana;La Habana|
CYP|Cyprus||Cypriot;Cypriots|Nicosia|
CZE|Czech Republic|Czechia|Czech;Czechs|Prague;Prague Castle|
DNK|Denmark||Danish;Dane;Danes|Copenhagen;Christiansborg|
DJI|Djibouti||Djiboutian;Djiboutians|Djibouti City;Djibouti|
DMA|Dominica|Commonwealth of Dominica||Roseau|
DOM|Dominican Republic||Dominican;Dominicans|Santo Domingo|Dominican;Dominicans
ECU|Ecuador||Ecuadorian;Ecuadorians;Ecuadorean;Ecuadoreans|Quito;Carondelet Palace|
EGY|Egypt||Egyptian;Egyptians|Cairo|
SLV|El Salvador|Salvador|Salvadoran;Salvadorans;Salvadorean;Salvadoreans|San Salvador|Salvador
GNQ|Equatorial Guinea||Equatorial Guinean;Equatorial Guineans;Equatoguinean;Equatoguineans|Malabo|
ERI|Eritrea|State of Eritrea|Eritrean;Eritreans|Asmara|
EST|Estonia||Estonian;Estonians|Tallinn|
SWZ|Eswatini|Swaziland;Kingdom of Swaziland|Swazi;Swazis;Emaswati|Mbabane;Lobamba|
ETH|Ethiopia||Ethiopian;Ethiopians|Addis Ababa|
FJI|Fiji||Fijian;Fijians|Suva|
FIN|Finland||Finnish;Finn;Finns|Helsinki|
FRA|France||French;Frenchman;Frenchmen;Frenchwoman|Paris;Elysee;Élysée;Elysee Palace;Élysée Palace;Quai d'Orsay;Matignon|Paris
GAB|Gabon||Gabonese|Libreville|
GMB|Gambia|Republic of The Gambia|Gambian;Gambians|Banjul|
GEO|Georgia|Sakartvelo|Georgian;Georgians|Tbilisi|Georgia;Georgian;Georgians
DEU|Germany|Deutschland;Federal Republic of Germany|German;Germans|Berlin;Bundeskanzleramt|
GHA|Ghana||Ghanaian;Ghanaians|Accra|
GRC|Greece|Hellas|Greek;Greeks|Athens;Maximos Mansion|Athens
GRD|Grenada||Grenadian;Grenadians|St. George's;Saint George's|
GTM|Guatemala||Guatemalan;Guatemalans|Guatemala City|
GIN|Guinea|Guinea-Conakry;Guinea Conakry|Guinean;Guineans|Conakry|
GNB|Guinea-Bissau|Guinea Bissau|Bissau-Guinean;Bissau-Guineans|Bissau|
GUY|Guyana||Guyanese|Georgetown|Georgetown
HTI|Haiti||Haitian;Haitians|Port-au-Prince|
HND|Honduras||Honduran;Hondurans|Tegucigalpa|
HUN|Hungary||Hungarian;Hungarians|Budapest|
ISL|Iceland||Icelandic;Icelander;Icelanders|Reykjavik;Reykjavík|
IND|India|Bharat;Republic of India|Indian;Indians|New Delhi;Delhi;South Block;Raisina Hill|Indian;Indians
IDN|Indonesia||Indonesian;Indonesians|Jakarta|
IRN|Iran|Islamic Republic|Iranian;Iranians;Persian|Tehran;Teheran|Islamic Republic;Persian
IRQ|Iraq||Iraqi;Iraqis|Baghdad|
IRL|Ireland|Republic of Ireland;Eire;Éire|Irish;Irishman;Irishmen;Irishwoman|Dublin|
ISR|Israel|State of Israel|Israeli;Israelis|Jerusalem;Tel Aviv|
ITA|Italy|Italia|Italian;Italians|Rome;Palazzo Chigi;Farnesina;Quirinale|Rome
JAM|Jamaica||Jamaican;Jamaicans|Kingston|Kingston
JPN|Japan|Nippon|Japanese|Tokyo;Kasumigaseki;Nagatacho|
JOR|Jordan|Hashemite Kingdom|Jordanian;Jordanians|Amman|Jordan;Hashemite Kingdom
KAZ|Kazakhstan|Kazakstan|Kazakh;Kazakhs;Kazakhstani;Kazakhstanis|Astana;Nur-Sultan;Akorda|
KEN|Kenya||Kenyan;Kenyans|Nairobi|
KIR|Kiribati||I-Kiribati|Tarawa;South Tarawa|
KWT|Kuwait||Kuwaiti;Kuwaitis|Kuwait City|
KGZ|Kyrgyzstan|Kyrgyz Republic;Kirghizia;Kirgizia|Kyrgyz;Kyrgyzstani;Kyrgyzstanis|Bishkek|
LAO|Laos|Lao PDR|Laotian;Laotians;Lao|Vientiane|Lao
LVA|Latvia||Latvian;Latvians|Riga|
LBN|Lebanon||Lebanese|Beirut;Baabda;Grand Serail|
LSO|Lesotho||Basotho;Mosotho|Maseru|
LBR|Liberia||Liberian;Liberians|Monrovia|
LBY|Libya|State of Libya|Libyan;Libyans|Tripoli|Tripoli
LIE|Liechtenstein||Liechtensteiner;Liechtensteiners|Vaduz|
LTU|Lithuania||Lithuanian;Lithuanians|Vilnius|
LUX|Luxembourg||Luxembourger;Luxembourgers;Luxembourgish|Luxembourg City|
MDG|Madagascar||Malagasy|Antananarivo|
MWI|Malawi||Malawian;Malawians|Lilongwe|
MYS|Malaysia||Malaysian;Malaysians|Kuala Lumpur;Putrajaya|
MDV|Maldives|Maldive Islands|Maldivian;Maldivians|Male;Malé|Male
MLI|Mali||Malian;Malians|Bamako|
MLT|Malta||Maltese|Valletta|
MHL|Marshall Islands||Marshallese|Majuro|
MRT|Mauritania||Mauritanian;Mauritanians|Nouakchott|
MUS|Mauritius||Mauritian;Mauritians|Port Louis|
MEX|Mexico|Méjico;United Mexican States|Mexican;Mexicans|Mexico City;Los Pinos|
FSM|Micronesia|Federated States of Micronesia|Micronesian;Micronesians|Palikir|Micronesia
MDA|Moldova|Moldavia|Moldovan;Moldovans|Chisinau;Chișinău;Chişinău|
MCO|Monaco||Monegasque;Monégasque;Monegasques|Monaco-Ville|
MNG|Mongolia||Mongolian;Mongolians|Ulaanbaatar;Ulan Bator|
MNE|Montenegro|Crna Gora|Montenegrin;Montenegrins|Podgorica|
MAR|Morocco||Moroccan;Moroccans|Rabat|
MOZ|Mozambique||Mozambican;Mozambicans|Maputo|
MMR|Myanmar|Burma;Republic of the Union of Myanmar|Burmese;Myanmarese|Naypyidaw;Nay Pyi Taw;Naypyitaw;Yangon;Rangoon|
NAM|Namibia||Namibian;Namibians|Windhoek|
NRU|Nauru||Nauruan;Nauruans|Yaren|
NPL|Nepal||Nepali;Nepalis;Nepalese|Kathmandu|
NLD|Netherlands|Holland|Dutch;Dutchman;Dutchmen|Amsterdam;Hague|Hague
NZL|New Zealand|Aotearoa|New Zealander;New Zealanders|Wellington|Wellington
NIC|Nicaragua||Nicaraguan;Nicaraguans|Managua|
NER|Niger||Nigerien;Nigeriens|Niamey|
NGA|Nigeria||Nigerian;Nigerians|Abuja;Aso Rock;Aso Villa|
PRK|North Korea|DPRK;D.P.R.K.;N. Korea;N.Korea;Democratic Peoples Republic of Korea|North Korean;North Koreans|Pyongyang|
MKD|North Macedonia|Macedonia;FYROM;Former Yugoslav Republic of Macedonia;Republic of Macedonia|North Macedonian;North Macedonians;Macedonian;Macedonians|Skopje|Macedonia;Macedonian;Macedonians
NOR|Norway||Norwegian;Norwegians|Oslo|
OMN|Oman||Omani;Omanis|Muscat|
PAK|Pakistan||Pakistani;Pakistanis|Islamabad|
PLW|Palau|Belau|Palauan;Palauans|Ngerulmud;Melekeok|
PAN|Panama||Panamanian;Panamanians|Panama City|
PNG|Papua New Guinea|PNG|Papua New Guinean;Papua New Guineans|Port Moresby|PNG
PRY|Paraguay||Paraguayan;Paraguayans|Asuncion;Asunción|
PER|Peru||Peruvian;Peruvians|Lima|
PHL|Philippines|Republic of the Philippines|Filipino;Filipinos;Filipina;Philippine|Manila;Malacañang;Malacanang;Malacañang Palace;Malacanang Palace|
POL|Poland||Polish;Pole;Poles|Warsaw|Polish;Pole;Poles
PRT|Portugal||Portuguese|Lisbon|
QAT|Qatar||Qatari;Qataris|Doha|
ROU|Romania|Rumania|Romanian;Romanians|Bucharest;Cotroceni|
RUS|Russia|Russian Federation|Russian;Russians|Moscow;Kremlin|
RWA|Rwanda||Rwandan;Rwandans|Kigali|
KNA|Saint Kitts and Nevis|St. Kitts and Nevis;St Kitts and Nevis;Saint Christopher and Nevis|Kittitian;Kittitians;Nevisian;Nevisians|Basseterre|
LCA|Saint Lucia|St. Lucia;St Lucia|Saint Lucian;Saint Lucians;St. Lucian;St. Lucians|Castries|
VCT|Saint Vincent and the Grenadines|St. Vincent and the Grenadines;St Vincent and the Grenadines;Saint Vincent|Vincentian;Vincentians|Kingstown|
WSM|Samoa||Samoan;Samoans|Apia|
SMR|San Marino||Sammarinese|City of San Marino|
STP|Sao Tome and Principe|São Tomé and Príncipe;Sao Tome;São Tomé|Santomean;Santomeans;Sao Tomean;Sao Tomeans|Sao Tome City|
SAU|Saudi Arabia|KSA|Saudi;Saudis;Saudi Arabian;Saudi Arabians|Riyadh|
SEN|Senegal||Senegalese|Dakar|
SRB|Serbia||Serbian;Serbians;Serb;Serbs|Belgrade|
SYC|Seychelles||Seychellois|Victoria|Victoria
SLE|Sierra Leone||Sierra Leonean;Sierra Leoneans|Freetown|
SGP|Singapore||Singaporean;Singaporeans|Singapore;Istana|Istana
SVK|Slovakia|Slovak Republic|Slovak;Slovaks;Slovakian;Slovakians|Bratislava|
SVN|Slovenia||Slovenian;Slovenians;Slovene;Slovenes|Ljubljana|
SLB|Solomon Islands|Solomons|Solomon Islander;Solomon Islanders|Honiara|
SOM|Somalia||Somali;Somalis;Somalian;Somalians|Mogadishu;Villa Somalia|
ZAF|South Africa|RSA|South African;South Africans|Pretoria;Cape Town;Union Buildings|RSA
KOR|South Korea|ROK;R.O.K.;Republic of Korea;S. Korea;S.Korea;Korea|South Korean;South Koreans;Korean;Koreans|Seoul;Blue House;Cheong Wa Dae;Yongsan|Korea;Korean;Koreans;Yongsan
SSD|South Sudan||South Sudanese|Juba|
ESP|Spain|España;Espana|Spanish;Spaniard;Spaniards|Madrid;Moncloa;La Moncloa|
LKA|Sri Lanka|Ceylon|Sri Lankan;Sri Lankans|Colombo;Sri Jayawardenepura Kotte;Kotte|
SDN|Sudan||Sudanese|Khartoum;Port Sudan|
SUR|Suriname|Surinam|Surinamese;Surinamer;Surinamers|Paramaribo|
SWE|Sweden||Swedish;Swede;Swedes|Stockholm;Rosenbad|
CHE|Switzerland|Swiss Confederation;Confoederatio Helvetica|Swiss|Bern;Berne|
SYR|Syria|Syrian Arab Republic|Syrian;Syrians|Damascus|
TWN|Taiwan|Republic of China;ROC;R.O.C.;Chinese Taipei;Formosa|Taiwanese|Taipei|ROC;Chinese Taipei
TJK|Tajikistan|Tadjikistan|Tajik;Tajiks;Tajikistani;Tajikistanis|Dushanbe|
TZA|Tanzania|United Republic of Tanzania|Tanzanian;Tanzanians|Dodoma;Dar es Salaam;Dar-es-Salaam|
THA|Thailand|Siam|Thai;Thais|Bangkok|
TLS|East Timor|Timor-Leste;Timor Leste|East Timorese;Timorese|Dili|
TGO|Togo||Togolese|Lome;Lomé|
TON|Tonga||Tongan;Tongans|Nuku'alofa;Nukualofa|
TTO|Trinidad and Tobago|Trinidad|Trinidadian;Trinidadians;Tobagonian;Tobagonians|Port of Spain;Port-of-Spain|
TUN|Tunisia||Tunisian;Tunisians|Tunis;Carthage Palace|
TUR|Turkey|Türkiye;Turkiye;Republic of Turkey|Turkish;Turk;Turks|Ankara|Turkey;Turk;Turks
TKM|Turkmenistan|Turkmenia|Turkmen;Turkmens;Turkmenistani|Ashgabat;Ashkhabad|
TUV|Tuvalu||Tuvaluan;Tuvaluans|Funafuti|
UGA|Uganda||Ugandan;Ugandans|Kampala|
UKR|Ukraine||Ukrainian;Ukrainians|Kyiv;Kiev;Bankova|
ARE|United Arab Emirates|UAE;U.A.E.;Emirates|Emirati;Emiratis|Abu Dhabi|Emirates
GBR|United Kingdom|UK;U.K.;Britain;Great Britain;United Kingdom of Great Britain and Northern Ireland|British;Briton;Britons;Brit;Brits|London;Downing Street;Number 10;No. 10;No 10;Whitehall;Westminster|Number 10
USA|United States|US;U.S.;USA;U.S.A.;United States of America;America;U.S.A|American;Americans|Washington;Washington, D.C.;Washington DC;Washington D.C.;White House;Foggy Bottom|Washington
URY|Uruguay||Uruguayan;Uruguayans|Montevideo|
UZB|Uzbekistan||Uzbek;Uzbeks;Uzbekistani;Uzbekistanis|Tashkent|
VUT|Vanuatu||Ni-Vanuatu|Port Vila|
VEN|Venezuela|Bolivarian Republic of Venezuela|Venezuelan;Venezuelans|Caracas;Miraflores;Miraflores Palace|Miraflores
VNM|Vietnam|Viet Nam;Socialist Republic of Vietnam|Vietnamese|Hanoi;Ha Noi|
YEM|Yemen||Yemeni;Yemenis|Sanaa;Sana'a|
ZMB|Zambia||Zambian;Zambians|Lusaka|
ZWE|Zimbabwe||Zimbabwean;Zimbabweans|Harare|
VAT|Holy See|Vatican;Vatican City;Vatican City State||Apostolic Palace;Vatican|
PSE|Palestine|State of Palestine;Palestinian territories;Palestinian Territories;occupied Palestinian territories;Occupied Palestinian Territories|Palestinian;Palestinians|Ramallah|
XKX|Kosovo|Republic of Kosovo|Kosovar;Kosovars;Kosovan;Kosovans|Pristina;Prishtina;Priština|
HKG|Hong Kong|Hong Kong SAR;HKSAR|Hong Konger;Hong Kongers;Hongkonger;Hongkongers|Hong Kong|
ESH|Western Sahara|Sahrawi Arab Democratic Republic;SADR|Sahrawi;Sahrawis;Saharawi;Saharawis|Laayoune;El Aaiún|
PRI|Puerto Rico||Puerto Rican;Puerto Ricans|San Juan|San Juan
GRL|Greenland|Kalaallit Nunaat|Greenlander;Greenlanders;Greenlandic|Nuuk|
"""

# Codes that are not UN member states but are kept (observers, partially recognised
# states, and a few territories that show up in news).
OBSERVERS = {"VAT", "PSE"}
PARTIAL = {"TWN", "XKX"}
TERRITORIES = {"HKG", "ESH", "PRI", "GRL"}

# pycountry names never used as aliases (comma forms are skipped anyway)
PYCOUNTRY_SKIP = {
    "COG": {"Congo"},            # bare "Congo" is given to COD (AP/Reuters usage)
    "TWN": {"Taiwan, Province of China"},
    "VAT": {"Holy See (Vatican City State)"},
}


def pycountry_names(code: str) -> list[str]:
    try:
        c = pycountry.countries.get(alpha_3=code)
    except (KeyError, LookupError):
        c = None
    if c is None:
        return []
    names = []
    for attr in ("name", "official_name", "common_name"):
        v = getattr(c, attr, None)
        if not v or "," in v or "(" in v:
            continue
        v = strip_the(v)
        if v in PYCOUNTRY_SKIP.get(code, set()):
            continue
        names.append(v)
    return names


def build_countries():
    rows = []
    seen_codes = set()
    for line in CURATED_COUNTRIES.strip().splitlines():
        f = line.split("|")
        if len(f) != 6:
            raise ValueError(f"bad country line: {line}")
        code, label, aliases, demonyms, metonyms, ambiguous = f
        if code in seen_codes:
            raise ValueError(f"duplicate country {code}")
        seen_codes.add(code)
        if code != "XKX" and pycountry.countries.get(alpha_3=code) is None:
            raise ValueError(f"{code} is not an ISO 3166-1 alpha-3 code")
        al = [a for a in with_folded(split_list(aliases) + pycountry_names(code)) if a != label]
        dem = with_folded(split_list(demonyms))
        met = with_folded(split_list(metonyms))
        amb = split_list(ambiguous)
        row_strings = {label, *al, *dem, *met}
        for a in amb:
            if a not in row_strings:
                raise ValueError(f"{code}: ambiguous '{a}' not in row")
        rows.append([code, label, al, dem, met, amb])
    rows.sort(key=lambda r: r[0])
    # cross-row uniqueness of every surface string
    owner = {}
    for r in rows:
        for s in [r[1], *r[2], *r[3], *r[4]]:
            k = key(s)
            if k in owner and owner[k] != r[0]:
                raise ValueError(f"'{s}' used by {owner[k]} and {r[0]}")
            owner[k] = r[0]
    return rows

# id|label|aliases (;)|kind|country|sector|parent
CURATED_ORGS = """
un|United Nations|UN;U.N.;UNO|IGO|IGO|IGO|
unsc|UN Security Council|United Nations Security Council;U.N. Security Council;UNSC;Security Council|IGO|IGO|IGO|un
unga|UN General Assembly|United Nations General Assembly;U.N. General Assembly;UNGA|IGO|IGO|IGO|un
un-secretariat|UN Secretariat|United Nations Secretariat;U.N. Secretariat;Secretariat of the United Nations|IGO|IGO|IGO|un
ecosoc|UN Economic and Social Council|United Nations Economic and Social Council;ECOSOC|IGO|IGO|IGO|un
unhrc|UN Human Rights Council|United Nations Human Rights Council;U.N. Human Rights Council;UNHRC;Human Rights Council|IGO|IGO|IGO|un
ohchr|UN Human Rights Office|Office of the United Nations High Commissioner for Human Rights;Office of the High Commissioner for Human Rights;OHCHR;U.N. human rights office;UN human rights office|IGO|IGO|IGO|un
unhcr|UNHCR|United Nations High Commissioner for Refugees;UN High Commissioner for Refugees;U.N. High Commissioner for Refugees;Office of the United Nations High Commissioner for Refugees;UN Refugee Agency;UN refugee agency;U.N. refugee agency|IGO|IGO|IGO|un
unicef|UNICEF|United Nations Children's Fund;UN Children's Fund;U.N. Children's Fund;Unicef|IGO|IGO|IGO|un
wfp|World Food Programme|World Food Program;WFP;UN World Food Programme;U.N. World Food Program|IGO|IGO|IGO|un
who|World Health Organization|WHO;World Health Organisation;W.H.O.;UN health agency;U.N. health agency|IGO|IGO|IGO|un
iaea|International Atomic Energy Agency|IAEA;UN nuclear watchdog;U.N. nuclear watchdog|IGO|IGO|IGO|un
unesco|UNESCO|United Nations Educational, Scientific and Cultural Organization;UN Educational, Scientific and Cultural Organization;Unesco|IGO|IGO|IGO|un
icj|International Court of Justice|ICJ;World Court|IGO|IGO|IGO|un
icc|International Criminal Court|ICC|IGO|IGO|IGO|
ocha|OCHA|United Nations Office for the Coordination of Humanitarian Affairs;UN Office for the Coordination of Humanitarian Affairs;Office for the Coordination of Humanitarian Affairs;UN humanitarian office;U.N. humanitarian office|IGO|IGO|IGO|un
undp|UN Development Programme|United Nations Development Programme;UN Development Program;U.N. Development Program;UNDP|IGO|IGO|IGO|un
unep|UN Environment Programme|United Nations Environment Programme;UNEP|IGO|IGO|IGO|un
unfpa|UN Population Fund|United Nations Population Fund;UNFPA|IGO|IGO|IGO|un
unrwa|UNRWA|United Nations Relief and Works Agency;UN Relief and Works Agency;United Nations Relief and Works Agency for Palestine Refugees in the Near East;UN agency for Palestinian refugees|IGO|IGO|IGO|un
fao|Food and Agriculture Organization|FAO;UN Food and Agriculture Organization;Food and Agriculture Organisation|IGO|IGO|IGO|un
ilo|International Labour Organization|ILO;International Labor Organization;International Labour Organisation|IGO|IGO|IGO|un
imo|International Maritime Organization|IMO|IGO|IGO|IGO|un
icao|International Civil Aviation Organization|ICAO|IGO|IGO|IGO|un
itu|International Telecommunication Union|ITU|IGO|IGO|IGO|un
wipo|World Intellectual Property Organization|WIPO|IGO|IGO|IGO|un
wmo|World Meteorological Organization|WMO|IGO|IGO|IGO|un
unctad|UNCTAD|United Nations Conference on Trade and Development;UN Conference on Trade and Development|IGO|IGO|IGO|un
unodc|UNODC|United Nations Office on Drugs and Crime;UN Office on Drugs and Crime|IGO|IGO|IGO|un
unfccc|UNFCCC|United Nations Framework Convention on Climate Change;UN Framework Convention on Climate Change|IGO|IGO|IGO|un
ipcc|Intergovernmental Panel on Climate Change|IPCC|IGO|IGO|IGO|un
un-women|UN Women|U.N. Women|IGO|IGO|IGO|un
unaids|UNAIDS|Joint United Nations Programme on HIV/AIDS|IGO|IGO|IGO|un
iom|International Organization for Migration|IOM;UN migration agency;U.N. migration agency|IGO|IGO|IGO|un
un-dpo|UN Department of Peace Operations|Department of Peace Operations;UN Department of Peacekeeping Operations;Department of Peacekeeping Operations;DPKO|IGO|IGO|IGO|un
unifil|UNIFIL|United Nations Interim Force in Lebanon;UN Interim Force in Lebanon|IGO|IGO|IGO|un
monusco|MONUSCO|United Nations Organization Stabilization Mission in the Democratic Republic of the Congo|IGO|IGO|IGO|un
unmiss|UNMISS|United Nations Mission in South Sudan;UN Mission in South Sudan|IGO|IGO|IGO|un
minusma|MINUSMA|United Nations Multidimensional Integrated Stabilization Mission in Mali|IGO|IGO|IGO|un
un-command|United Nations Command|UN Command;U.N. Command|IGO|IGO|IGO|un
opcw|Organisation for the Prohibition of Chemical Weapons|OPCW;Organization for the Prohibition of Chemical Weapons|IGO|IGO|IGO|
ctbto|CTBTO|Comprehensive Nuclear-Test-Ban Treaty Organization|IGO|IGO|IGO|
imf|International Monetary Fund|IMF|IGO|IGO|IGO|
world-bank|World Bank|World Bank Group;International Bank for Reconstruction and Development;IBRD|IGO|IGO|IGO|
wto|World Trade Organization|WTO;World Trade Organisation|IGO|IGO|IGO|
oecd|Organisation for Economic Co-operation and Development|OECD;Organization for Economic Cooperation and Development;Organisation for Economic Cooperation and Development;Organization for Economic Co-operation and Development|IGO|IGO|IGO|
nato|NATO|North Atlantic Treaty Organization;North Atlantic Treaty Organisation;N.A.T.O.;Nato;North Atlantic Alliance;Atlantic Alliance|IGO|IGO|IGO|
eu|European Union|EU;E.U.|IGO|IGO|IGO|
european-community|European Community|European Communities;European Economic Community;EEC;E.E.C.|IGO|IGO|IGO|
warsaw-pact|Warsaw Pact|Warsaw Treaty Organization|IGO|IGO|IGO|
red-crescent|Red Crescent|Red Crescent Society|NGO|NGO|NGO|
european-commission|European Commission|EU Commission;E.U. Commission;Commission of the European Union|IGO|IGO|IGO|eu
european-council|European Council||IGO|IGO|IGO|eu
council-of-the-eu|Council of the European Union|Council of the EU;EU Council;E.U. Council|IGO|IGO|IGO|eu
european-parliament|European Parliament|EU Parliament;E.U. Parliament;Europarliament|IGO|IGO|IGO|eu
ecb|European Central Bank|ECB|IGO|IGO|IGO|eu
eeas|European External Action Service|EEAS|IGO|IGO|IGO|eu
cjeu|Court of Justice of the European Union|European Court of Justice;ECJ;CJEU|IGO|IGO|IGO|eu
frontex|Frontex|European Border and Coast Guard Agency|IGO|IGO|IGO|eu
council-of-europe|Council of Europe||IGO|IGO|IGO|
echr|European Court of Human Rights|ECHR;ECtHR|IGO|IGO|IGO|council-of-europe
osce|Organization for Security and Co-operation in Europe|OSCE;Organisation for Security and Co-operation in Europe;Organization for Security and Cooperation in Europe|IGO|IGO|IGO|
au|African Union|AU;A.U.|IGO|IGO|IGO|
au-commission|African Union Commission|AU Commission|IGO|IGO|IGO|au
ecowas|ECOWAS|Economic Community of West African States;Ecowas;CEDEAO|IGO|IGO|IGO|
sadc|Southern African Development Community|SADC|IGO|IGO|IGO|
eac|East African Community|EAC|IGO|IGO|IGO|
igad|IGAD|Intergovernmental Authority on Development|IGO|IGO|IGO|
asean|ASEAN|Association of Southeast Asian Nations;Association of South East Asian Nations;Asean|IGO|IGO|IGO|
asean-regional-forum|ASEAN Regional Forum||IGO|IGO|IGO|asean
apec|APEC|Asia-Pacific Economic Cooperation;Asia Pacific Economic Cooperation;Apec|IGO|IGO|IGO|
saarc|SAARC|South Asian Association for Regional Cooperation|IGO|IGO|IGO|
sco|Shanghai Cooperation Organisation|SCO;Shanghai Cooperation Organization|IGO|IGO|IGO|
brics|BRICS|Brics|IGO|IGO|IGO|
arab-league|Arab League|League of Arab States|IGO|IGO|IGO|
gcc|Gulf Cooperation Council|GCC;Gulf Co-operation Council;Cooperation Council for the Arab States of the Gulf|IGO|IGO|IGO|
oic|Organisation of Islamic Cooperation|OIC;Organization of Islamic Cooperation;Organization of the Islamic Conference;Organisation of the Islamic Conference|IGO|IGO|IGO|
opec|OPEC|Organization of the Petroleum Exporting Countries;Organisation of the Petroleum Exporting Countries;Opec|IGO|IGO|IGO|
opec-plus|OPEC+|OPEC Plus;Opec+|IGO|IGO|IGO|opec
oas|Organization of American States|OAS;Organisation of American States|IGO|IGO|IGO|
mercosur|Mercosur|MERCOSUR;Southern Common Market|IGO|IGO|IGO|
celac|CELAC|Community of Latin American and Caribbean States|IGO|IGO|IGO|
caricom|CARICOM|Caribbean Community;Caricom|IGO|IGO|IGO|
cis|Commonwealth of Independent States|CIS|IGO|IGO|IGO|
csto|Collective Security Treaty Organization|CSTO;Collective Security Treaty Organisation|IGO|IGO|IGO|
eaeu|Eurasian Economic Union|EAEU;EEU|IGO|IGO|IGO|
commonwealth|Commonwealth of Nations|Commonwealth Secretariat|IGO|IGO|IGO|
g7|G7|G-7;Group of Seven|IGO|IGO|IGO|
g8|G8|G-8;Group of Eight|IGO|IGO|IGO|
g20|G20|G-20;Group of 20;Group of Twenty|IGO|IGO|IGO|
g77|Group of 77|G77;G-77|IGO|IGO|IGO|
nam|Non-Aligned Movement|Nonaligned Movement;Non-Aligned Movement|IGO|IGO|IGO|
quad|Quadrilateral Security Dialogue||IGO|IGO|IGO|
aukus|AUKUS||IGO|IGO|IGO|
five-eyes|Five Eyes|Five Eyes alliance|IGO|IGO|IGO|
covax|COVAX|Covax;COVAX Facility;Covax facility|IGO|IGO|IGO|
gavi|Gavi|Gavi, the Vaccine Alliance;GAVI;Global Alliance for Vaccines and Immunization|NGO|NGO|NGO|
cepi|CEPI|Coalition for Epidemic Preparedness Innovations|NGO|NGO|NGO|
global-fund|Global Fund to Fight AIDS, Tuberculosis and Malaria|Global Fund|IGO|IGO|IGO|
interpol|Interpol|INTERPOL;International Criminal Police Organization|IGO|IGO|IGO|
iea|International Energy Agency|IEA|IGO|IGO|IGO|oecd
adb|Asian Development Bank|ADB|IGO|IGO|IGO|
aiib|Asian Infrastructure Investment Bank|AIIB|IGO|IGO|IGO|
afdb|African Development Bank|AfDB|IGO|IGO|IGO|
ebrd|European Bank for Reconstruction and Development|EBRD|IGO|IGO|IGO|
ndb|New Development Bank|BRICS bank|IGO|IGO|IGO|brics
bis|Bank for International Settlements|BIS|IGO|IGO|IGO|
pca|Permanent Court of Arbitration||IGO|IGO|IGO|
icty|International Criminal Tribunal for the former Yugoslavia|ICTY|IGO|IGO|IGO|un
iaea-board|IAEA Board of Governors||IGO|IGO|IGO|iaea
icrc|International Committee of the Red Cross|ICRC;Red Cross|NGO|NGO|NGO|
ifrc|International Federation of Red Cross and Red Crescent Societies|IFRC|NGO|NGO|NGO|
msf|Doctors Without Borders|Doctors without Borders;Médecins Sans Frontières;Medecins Sans Frontieres;MSF|NGO|NGO|NGO|
amnesty|Amnesty International|Amnesty|NGO|NGO|NGO|
hrw|Human Rights Watch|HRW|NGO|NGO|NGO|
oxfam|Oxfam|Oxfam International|NGO|NGO|NGO|
save-the-children|Save the Children||NGO|NGO|NGO|
greenpeace|Greenpeace||NGO|NGO|NGO|
transparency-international|Transparency International||NGO|NGO|NGO|
rsf-media|Reporters Without Borders|Reporters sans frontières;Reporters Sans Frontieres;Reporters Sans Frontières|NGO|NGO|NGO|
cpj|Committee to Protect Journalists|CPJ|NGO|NGO|NGO|
crisis-group|International Crisis Group|Crisis Group|NGO|NGO|NGO|
care|CARE International||NGO|NGO|NGO|
irc|International Rescue Committee|IRC|NGO|NGO|NGO|
nrc|Norwegian Refugee Council|NRC|NGO|NGO|NGO|
wwf|World Wide Fund for Nature|WWF;World Wildlife Fund|NGO|NGO|NGO|
freedom-house|Freedom House||NGO|NGO|NGO|
sipri|Stockholm International Peace Research Institute|SIPRI|NGO|NGO|NGO|
iiss|International Institute for Strategic Studies|IISS|NGO|NGO|NGO|
wef|World Economic Forum|WEF|NGO|NGO|NGO|
ioc|International Olympic Committee|IOC|NGO|NGO|NGO|
fifa|FIFA||NGO|NGO|NGO|
gates-foundation|Bill & Melinda Gates Foundation|Bill and Melinda Gates Foundation;Gates Foundation|NGO|NGO|NGO|
muslim-brotherhood|Muslim Brotherhood||PARTY|EGY|PTY|
usa-state-department|US State Department|State Department;U.S. State Department;United States Department of State;US Department of State;U.S. Department of State;Department of State;State Dept.|GOVBODY|USA|GOV|
usa-pentagon|Pentagon|Department of Defense;US Department of Defense;U.S. Department of Defense;Defense Department;US Defense Department;U.S. Defense Department;Department of War;DoD|GOVBODY|USA|MIL|
usa-nsc|US National Security Council|U.S. National Security Council;White House National Security Council|GOVBODY|USA|GOV|
usa-treasury|US Treasury Department|Treasury Department;U.S. Treasury Department;US Treasury;U.S. Treasury;Department of the Treasury;US Department of the Treasury;U.S. Department of the Treasury|GOVBODY|USA|GOV|
usa-doj|US Justice Department|Justice Department;U.S. Justice Department;Department of Justice;US Department of Justice;U.S. Department of Justice;DOJ|GOVBODY|USA|JUD|
usa-commerce|US Commerce Department|Commerce Department;U.S. Commerce Department;Department of Commerce;US Department of Commerce;U.S. Department of Commerce|GOVBODY|USA|GOV|
usa-dhs|Department of Homeland Security|US Department of Homeland Security;U.S. Department of Homeland Security;Homeland Security Department;DHS|GOVBODY|USA|GOV|
usa-energy|US Department of Energy|U.S. Department of Energy;Department of Energy;Energy Department|GOVBODY|USA|GOV|
usa-ustr|Office of the US Trade Representative|Office of the United States Trade Representative;Office of the U.S. Trade Representative;USTR|GOVBODY|USA|GOV|
usaid|USAID|US Agency for International Development;U.S. Agency for International Development;United States Agency for International Development|GOVBODY|USA|GOV|
usa-fed|Federal Reserve|US Federal Reserve;U.S. Federal Reserve;Federal Reserve Board|GOVBODY|USA|GOV|
usa-cia|CIA|Central Intelligence Agency;C.I.A.|GOVBODY|USA|SPY|
usa-fbi|FBI|Federal Bureau of Investigation;F.B.I.|GOVBODY|USA|COP|
usa-nsa|National Security Agency|NSA|GOVBODY|USA|SPY|
usa-odni|Office of the Director of National Intelligence|ODNI|GOVBODY|USA|SPY|
usa-congress|US Congress|Congress;U.S. Congress;United States Congress|GOVBODY|USA|LEG|
usa-senate|US Senate|U.S. Senate;United States Senate|GOVBODY|USA|LEG|usa-congress
usa-house|US House of Representatives|U.S. House of Representatives;United States House of Representatives;US House;U.S. House|GOVBODY|USA|LEG|usa-congress
usa-senate-foreign-relations|Senate Foreign Relations Committee|US Senate Foreign Relations Committee;U.S. Senate Foreign Relations Committee|GOVBODY|USA|LEG|usa-senate
usa-supreme-court|US Supreme Court|U.S. Supreme Court;United States Supreme Court;Supreme Court of the United States;SCOTUS|GOVBODY|USA|JUD|
usa-military|US military|U.S. military;United States military;US Armed Forces;U.S. Armed Forces;United States Armed Forces;US forces;U.S. forces|MILITARY|USA|MIL|
usa-army|US Army|U.S. Army;United States Army|MILITARY|USA|MIL|usa-military
usa-navy|US Navy|U.S. Navy;United States Navy|MILITARY|USA|MIL|usa-military
usa-air-force|US Air Force|U.S. Air Force;United States Air Force;USAF|MILITARY|USA|MIL|usa-military
usa-marines|US Marine Corps|U.S. Marine Corps;United States Marine Corps;USMC;US Marines;U.S. Marines|MILITARY|USA|MIL|usa-military
usa-space-force|US Space Force|U.S. Space Force;United States Space Force|MILITARY|USA|MIL|usa-military
usa-coast-guard|US Coast Guard|U.S. Coast Guard;United States Coast Guard|MILITARY|USA|MIL|usa-military
usa-jcs|US Joint Chiefs of Staff|U.S. Joint Chiefs of Staff|MILITARY|USA|MIL|usa-military
usa-indopacom|US Indo-Pacific Command|U.S. Indo-Pacific Command;INDOPACOM;Indo-Pacific Command|MILITARY|USA|MIL|usa-military
usa-centcom|US Central Command|U.S. Central Command;CENTCOM|MILITARY|USA|MIL|usa-military
usa-eucom|US European Command|U.S. European Command;EUCOM|MILITARY|USA|MIL|usa-military
usfk|US Forces Korea|U.S. Forces Korea;United States Forces Korea;USFK|MILITARY|USA|MIL|usa-military
usa-republican-party|Republican Party|GOP;Republican National Committee;RNC|PARTY|USA|PTY|
usa-democratic-party|US Democratic Party|U.S. Democratic Party;Democratic National Committee;DNC|PARTY|USA|PTY|
gbr-fcdo|Foreign, Commonwealth and Development Office|FCDO;Foreign and Commonwealth Office;British Foreign Office;UK Foreign Office;U.K. Foreign Office|GOVBODY|GBR|GOV|
gbr-mod|UK Ministry of Defence|British Ministry of Defence;U.K. Ministry of Defence|GOVBODY|GBR|MIL|
gbr-treasury|HM Treasury|Her Majesty's Treasury;His Majesty's Treasury|GOVBODY|GBR|GOV|
gbr-mi6|MI6|Secret Intelligence Service|GOVBODY|GBR|SPY|
gbr-mi5|MI5||GOVBODY|GBR|SPY|
gbr-gchq|GCHQ|Government Communications Headquarters|GOVBODY|GBR|SPY|
gbr-parliament|UK Parliament|British Parliament;U.K. Parliament;Parliament of the United Kingdom|GOVBODY|GBR|LEG|
gbr-commons|House of Commons|British House of Commons|GOVBODY|GBR|LEG|gbr-parliament
gbr-lords|House of Lords||GOVBODY|GBR|LEG|gbr-parliament
gbr-army|British Army||MILITARY|GBR|MIL|
gbr-royal-navy|Royal Navy||MILITARY|GBR|MIL|
gbr-raf|Royal Air Force|RAF|MILITARY|GBR|MIL|
gbr-conservative-party|UK Conservative Party|Tories;Tory party;Tory Party;British Conservative Party|PARTY|GBR|PTY|
gbr-labour-party|UK Labour Party|British Labour Party|PARTY|GBR|PTY|
fra-national-assembly|French National Assembly|Assemblée nationale;Assemblee nationale|GOVBODY|FRA|LEG|
fra-dgse|DGSE|Directorate-General for External Security|GOVBODY|FRA|SPY|
deu-bundestag|Bundestag|German Bundestag|GOVBODY|DEU|LEG|
deu-bundesrat|Bundesrat|German Bundesrat|GOVBODY|DEU|LEG|
deu-bundeswehr|Bundeswehr|German armed forces|MILITARY|DEU|MIL|
deu-bnd|BND|Bundesnachrichtendienst|GOVBODY|DEU|SPY|
rus-duma|State Duma|Duma;Russian Duma;Russian State Duma|GOVBODY|RUS|LEG|
rus-federation-council|Federation Council|Russian Federation Council|GOVBODY|RUS|LEG|
rus-security-council|Russian Security Council|Security Council of Russia|GOVBODY|RUS|GOV|
rus-fsb|FSB|Federal Security Service|GOVBODY|RUS|SPY|
rus-svr|SVR|Russian Foreign Intelligence Service|GOVBODY|RUS|SPY|
rus-gru|GRU|Russian military intelligence|MILITARY|RUS|SPY|
rus-united-russia|United Russia||PARTY|RUS|PTY|
rus-wagner|Wagner Group|PMC Wagner;Wagner mercenary group|ARMED_GROUP|RUS|UAF|
chn-ccp|Chinese Communist Party|Communist Party of China;CCP;CPC;Chinese Communist Party Central Committee|PARTY|CHN|PTY|
chn-politburo-standing-committee|Politburo Standing Committee|Standing Committee of the Politburo|GOVBODY|CHN|GOV|chn-ccp
chn-state-council|State Council|Chinese State Council;State Council of China|GOVBODY|CHN|GOV|
chn-npc|National People's Congress|NPC;China's National People's Congress|GOVBODY|CHN|LEG|
chn-cmc|Central Military Commission|China's Central Military Commission|MILITARY|CHN|MIL|
chn-pla|People's Liberation Army|PLA;Chinese People's Liberation Army|MILITARY|CHN|MIL|
chn-pla-navy|PLA Navy|People's Liberation Army Navy|MILITARY|CHN|MIL|chn-pla
chn-mss|Chinese Ministry of State Security|China's Ministry of State Security|GOVBODY|CHN|SPY|
chn-tao|Taiwan Affairs Office|China's Taiwan Affairs Office|GOVBODY|CHN|GOV|
chn-coast-guard|China Coast Guard|Chinese coast guard|MILITARY|CHN|MIL|
prk-kpa|Korean People's Army|KPA;North Korean People's Army|MILITARY|PRK|MIL|
prk-wpk|Workers' Party of Korea|WPK;Workers Party of Korea;Korean Workers' Party;Korean Workers Party|PARTY|PRK|PTY|
prk-spa|Supreme People's Assembly|North Korea's Supreme People's Assembly|GOVBODY|PRK|LEG|
prk-sac|State Affairs Commission|North Korea's State Affairs Commission|GOVBODY|PRK|GOV|
prk-kcna|KCNA|Korean Central News Agency|MEDIA|PRK|MED|
prk-rodong|Rodong Sinmun||MEDIA|PRK|MED|
prk-kctv|Korean Central Television|KCTV|MEDIA|PRK|MED|
prk-cprk|Committee for the Peaceful Reunification of the Country|Committee for the Peaceful Reunification of Korea|GOVBODY|PRK|GOV|
kor-national-assembly|National Assembly of South Korea|South Korean National Assembly;Korean National Assembly;National Assembly of Korea|GOVBODY|KOR|LEG|
kor-unification-ministry|Ministry of Unification|Unification Ministry;South Korean Unification Ministry|GOVBODY|KOR|GOV|
kor-nis|National Intelligence Service|NIS;South Korean National Intelligence Service|GOVBODY|KOR|SPY|
kor-jcs|South Korean Joint Chiefs of Staff|South Korea's Joint Chiefs of Staff|MILITARY|KOR|MIL|
kor-yonhap|Yonhap|Yonhap News Agency;Yonhap News|MEDIA|KOR|MED|
kor-herald|Korea Herald||MEDIA|KOR|MED|
kor-times|Korea Times||MEDIA|KOR|MED|
kor-joongang|JoongAng Ilbo|Korea JoongAng Daily|MEDIA|KOR|MED|
kor-chosun|Chosun Ilbo||MEDIA|KOR|MED|
kor-donga|Dong-A Ilbo|Dong-a Ilbo|MEDIA|KOR|MED|
kor-kbs|KBS|Korean Broadcasting System|MEDIA|KOR|MED|
kor-people-power-party|People Power Party||PARTY|KOR|PTY|
kor-democratic-party|Democratic Party of Korea||PARTY|KOR|PTY|
jpn-sdf|Japan Self-Defense Forces|Self-Defense Forces;Japan Self-Defence Forces;JSDF|MILITARY|JPN|MIL|
jpn-diet|National Diet|Japanese Diet;Japan's Diet|GOVBODY|JPN|LEG|
jpn-ldp|Liberal Democratic Party of Japan|LDP;Japan's Liberal Democratic Party|PARTY|JPN|PTY|
jpn-kyodo|Kyodo News|Kyodo;Kyodo News Agency|MEDIA|JPN|MED|
jpn-nhk|NHK|Japan Broadcasting Corporation|MEDIA|JPN|MED|
jpn-asahi|Asahi Shimbun||MEDIA|JPN|MED|
jpn-yomiuri|Yomiuri Shimbun||MEDIA|JPN|MED|
jpn-nikkei|Nikkei|Nikkei Asia;Nikkei Asian Review|MEDIA|JPN|MED|
jpn-japan-times|Japan Times||MEDIA|JPN|MED|
isr-idf|Israel Defense Forces|IDF;Israeli Defense Forces;Israel Defence Forces;Israeli Defence Forces|MILITARY|ISR|MIL|
isr-knesset|Knesset|Israeli Knesset|GOVBODY|ISR|LEG|
isr-mossad|Mossad||GOVBODY|ISR|SPY|
isr-shin-bet|Shin Bet|Shabak;Israel Security Agency|GOVBODY|ISR|SPY|
isr-likud|Likud|Likud party|PARTY|ISR|PTY|
isr-haaretz|Haaretz||MEDIA|ISR|MED|
isr-times-of-israel|Times of Israel||MEDIA|ISR|MED|
isr-jerusalem-post|Jerusalem Post||MEDIA|ISR|MED|
irn-irgc|Islamic Revolutionary Guard Corps|IRGC;Revolutionary Guards;Revolutionary Guard Corps;Iranian Revolutionary Guard;Iran's Revolutionary Guard|MILITARY|IRN|MIL|
irn-quds-force|Quds Force|IRGC Quds Force|MILITARY|IRN|MIL|irn-irgc
irn-basij|Basij|Basij militia|MILITARY|IRN|MIL|irn-irgc
irn-aeoi|Atomic Energy Organization of Iran|AEOI|GOVBODY|IRN|GOV|
irn-guardian-council|Guardian Council|Council of Guardians|GOVBODY|IRN|GOV|
irn-irna|IRNA|Islamic Republic News Agency|MEDIA|IRN|MED|
irn-press-tv|Press TV|PressTV|MEDIA|IRN|MED|
irn-tasnim|Tasnim News Agency|Tasnim|MEDIA|IRN|MED|
irn-fars|Fars News Agency||MEDIA|IRN|MED|
tur-akp|Justice and Development Party|AKP;AK Party|PARTY|TUR|PTY|
tur-anadolu|Anadolu Agency|Anadolu News Agency|MEDIA|TUR|MED|
ukr-rada|Verkhovna Rada||GOVBODY|UKR|LEG|
ukr-sbu|SBU|Security Service of Ukraine|GOVBODY|UKR|SPY|
ukr-ukrinform|Ukrinform||MEDIA|UKR|MED|
ind-bjp|Bharatiya Janata Party|BJP|PARTY|IND|PTY|
ind-inc|Indian National Congress|Congress party|PARTY|IND|PTY|
ind-lok-sabha|Lok Sabha||GOVBODY|IND|LEG|
ind-raw|Research and Analysis Wing||GOVBODY|IND|SPY|
pak-isi|Inter-Services Intelligence|ISI|MILITARY|PAK|SPY|
pak-ppp|Pakistan Peoples Party|Pakistan People's Party|PARTY|PAK|PTY|
pak-pti|Pakistan Tehreek-e-Insaf|Pakistan Tehrik-e-Insaf|PARTY|PAK|PTY|
pak-pmln|Pakistan Muslim League-Nawaz|PML-N;Pakistan Muslim League (Nawaz)|PARTY|PAK|PTY|
pse-pa|Palestinian Authority|Palestinian National Authority;PNA|GOVBODY|PSE|GOV|
pse-plo|Palestine Liberation Organization|PLO|GOVBODY|PSE|GOV|
pse-fatah|Fatah|Fateh|PARTY|PSE|PTY|
zaf-anc|African National Congress|ANC|PARTY|ZAF|PTY|
xinhua|Xinhua|Xinhua News Agency|MEDIA|CHN|MED|
cgtn|CGTN|China Global Television Network|MEDIA|CHN|MED|
cctv|China Central Television||MEDIA|CHN|MED|
global-times|Global Times||MEDIA|CHN|MED|
peoples-daily|People's Daily||MEDIA|CHN|MED|
china-daily|China Daily||MEDIA|CHN|MED|
scmp|South China Morning Post|SCMP|MEDIA|HKG|MED|
tass|TASS|Tass;ITAR-TASS|MEDIA|RUS|MED|
ria-novosti|RIA Novosti||MEDIA|RUS|MED|
interfax|Interfax||MEDIA|RUS|MED|
russia-today|Russia Today||MEDIA|RUS|MED|
sputnik|Sputnik News Agency||MEDIA|RUS|MED|
reuters|Reuters|Thomson Reuters|MEDIA|GBR|MED|
ap|Associated Press|AP|MEDIA|USA|MED|
afp|Agence France-Presse|AFP;Agence France Presse|MEDIA|FRA|MED|
bbc|BBC|British Broadcasting Corporation;BBC News|MEDIA|GBR|MED|
cnn|CNN|Cable News Network|MEDIA|USA|MED|
voa|Voice of America|VOA|MEDIA|USA|MED|
rfa|Radio Free Asia|RFA|MEDIA|USA|MED|
rferl|Radio Free Europe/Radio Liberty|RFE/RL;Radio Free Europe|MEDIA|USA|MED|
nyt|New York Times|NYT|MEDIA|USA|MED|
washington-post|Washington Post|WaPo|MEDIA|USA|MED|
wsj|Wall Street Journal|WSJ|MEDIA|USA|MED|
bloomberg|Bloomberg News||MEDIA|USA|MED|
ft|Financial Times|FT|MEDIA|GBR|MED|
guardian|Guardian newspaper||MEDIA|GBR|MED|
dpa|Deutsche Presse-Agentur|DPA|MEDIA|DEU|MED|
dw|Deutsche Welle|DW|MEDIA|DEU|MED|
france24|France 24||MEDIA|FRA|MED|
le-monde|Le Monde||MEDIA|FRA|MED|
spiegel|Der Spiegel|Spiegel|MEDIA|DEU|MED|
efe|EFE|Agencia EFE|MEDIA|ESP|MED|
ansa|ANSA||MEDIA|ITA|MED|
al-jazeera|Al Jazeera|Al-Jazeera;Aljazeera|MEDIA|QAT|MED|
al-arabiya|Al Arabiya|Al-Arabiya|MEDIA|SAU|MED|
arab-news|Arab News||MEDIA|SAU|MED|
sana|SANA|Syrian Arab News Agency|MEDIA|SYR|MED|
mena|Middle East News Agency||MEDIA|EGY|MED|
nbc-news|NBC News||MEDIA|USA|MED|
cbs-news|CBS News||MEDIA|USA|MED|
fox-news|Fox News||MEDIA|USA|MED|
npr|NPR|National Public Radio|MEDIA|USA|MED|
politico|Politico||MEDIA|USA|MED|
axios|Axios||MEDIA|USA|MED|
straits-times|Straits Times||MEDIA|SGP|MED|
times-of-india|Times of India||MEDIA|IND|MED|
taliban|Taliban|Afghan Taliban|ARMED_GROUP|AFG|REB|
ttp|Tehrik-i-Taliban Pakistan|Tehreek-e-Taliban Pakistan;Tehrik-e-Taliban Pakistan;TTP;Pakistani Taliban|ARMED_GROUP|PAK|REB|
haqqani-network|Haqqani network|Haqqani Network|ARMED_GROUP|AFG|REB|taliban
hamas|Hamas|HAMAS;Islamic Resistance Movement|ARMED_GROUP|PSE|REB|
qassam-brigades|Izz ad-Din al-Qassam Brigades|Qassam Brigades;al-Qassam Brigades;Al-Qassam Brigades;Ezzedine al-Qassam Brigades|ARMED_GROUP|PSE|REB|hamas
pij|Palestinian Islamic Jihad|Islamic Jihad;PIJ|ARMED_GROUP|PSE|REB|
hezbollah|Hezbollah|Hizbollah;Hizballah;Hizbullah;Hezbullah|ARMED_GROUP|LBN|REB|
isis|Islamic State|ISIS;ISIL;Daesh;Daish;Islamic State group;IS group;Islamic State of Iraq and the Levant;Islamic State of Iraq and Syria;Islamic State in Iraq and Syria;Islamic State in Iraq and the Levant|ARMED_GROUP||REB|
iswap|Islamic State West Africa Province|ISWAP|ARMED_GROUP|NGA|REB|isis
iskp|Islamic State Khorasan Province|ISIS-K;IS-K;ISKP;Islamic State Khorasan;Islamic State-Khorasan|ARMED_GROUP|AFG|REB|isis
al-qaeda|al-Qaeda|Al-Qaeda;al Qaeda;Al Qaeda;al-Qaida;Al-Qaida;al Qaida;Al Qaida;al-Qa'ida;Al-Qa'ida|ARMED_GROUP||REB|
aqap|al-Qaeda in the Arabian Peninsula|Al-Qaeda in the Arabian Peninsula;al Qaeda in the Arabian Peninsula;Al Qaeda in the Arabian Peninsula;AQAP|ARMED_GROUP|YEM|REB|al-qaeda
aqim|al-Qaeda in the Islamic Maghreb|Al-Qaeda in the Islamic Maghreb;al Qaeda in the Islamic Maghreb;Al Qaeda in the Islamic Maghreb;AQIM|ARMED_GROUP||REB|al-qaeda
jnim|Jama'at Nusrat al-Islam wal-Muslimin|Jamaat Nusrat al-Islam wal-Muslimin;JNIM|ARMED_GROUP|MLI|REB|al-qaeda
al-shabaab|al-Shabaab|Al-Shabaab;al-Shabab;Al-Shabab;al Shabaab;Al Shabaab;Harakat al-Shabaab al-Mujahideen|ARMED_GROUP|SOM|REB|al-qaeda
boko-haram|Boko Haram|Jama'atu Ahlis Sunna Lidda'awati wal-Jihad|ARMED_GROUP|NGA|REB|
houthis|Houthis|Houthi;Houthi rebels;Houthi movement;Ansar Allah;Ansarallah|ARMED_GROUP|YEM|REB|
pkk|Kurdistan Workers' Party|Kurdistan Workers Party;PKK|ARMED_GROUP|TUR|REB|
ypg|People's Protection Units|YPG|ARMED_GROUP|SYR|REB|
sdf|Syrian Democratic Forces|SDF|ARMED_GROUP|SYR|REB|
hts|Hayat Tahrir al-Sham|Hay'at Tahrir al-Sham;Tahrir al-Sham;HTS|ARMED_GROUP|SYR|REB|
nusra-front|al-Nusra Front|Nusra Front;Al-Nusra Front;Jabhat al-Nusra;Jabhat Fateh al-Sham|ARMED_GROUP|SYR|REB|al-qaeda
fsa|Free Syrian Army|FSA|ARMED_GROUP|SYR|REB|
syrian-national-army|Syrian National Army|Turkish-backed Syrian National Army|ARMED_GROUP|SYR|REB|
farc|FARC|Revolutionary Armed Forces of Colombia;Fuerzas Armadas Revolucionarias de Colombia|ARMED_GROUP|COL|REB|
eln|National Liberation Army|ELN;Ejército de Liberación Nacional;Ejercito de Liberacion Nacional|ARMED_GROUP|COL|REB|
shining-path|Shining Path|Sendero Luminoso|ARMED_GROUP|PER|REB|
eta|Basque Fatherland and Liberty|Euskadi Ta Askatasuna|ARMED_GROUP|ESP|REB|
ira|Irish Republican Army|Provisional IRA;Provisional Irish Republican Army|ARMED_GROUP|GBR|REB|
lra|Lord's Resistance Army|LRA|ARMED_GROUP|UGA|REB|
m23|M23|March 23 Movement;M23 rebels|ARMED_GROUP|COD|REB|
adf|Allied Democratic Forces||ARMED_GROUP|COD|REB|isis
rsf-sudan|Rapid Support Forces|RSF|ARMED_GROUP|SDN|UAF|
janjaweed|Janjaweed||ARMED_GROUP|SDN|UAF|
kataib-hezbollah|Kataib Hezbollah|Kata'ib Hezbollah;Kataib Hizbollah|ARMED_GROUP|IRQ|UAF|
pmf|Popular Mobilization Forces|Popular Mobilisation Forces;PMF;Hashd al-Shaabi;Popular Mobilization Units|ARMED_GROUP|IRQ|UAF|
jem|Jaish-e-Mohammed|Jaish-e-Muhammad;Jaish-e-Mohammad;JeM|ARMED_GROUP|PAK|REB|
let|Lashkar-e-Taiba|Lashkar-e-Tayyiba;Lashkar-e-Toiba;LeT|ARMED_GROUP|PAK|REB|
ltte|Liberation Tigers of Tamil Eelam|LTTE;Tamil Tigers|ARMED_GROUP|LKA|REB|
abu-sayyaf|Abu Sayyaf|Abu Sayyaf Group|ARMED_GROUP|PHL|REB|
npa|New People's Army|NPA|ARMED_GROUP|PHL|REB|
milf|Moro Islamic Liberation Front|MILF|ARMED_GROUP|PHL|REB|
arakan-army|Arakan Army||ARMED_GROUP|MMR|REB|
kachin-independence-army|Kachin Independence Army||ARMED_GROUP|MMR|REB|
pdf-myanmar|People's Defence Force|People's Defense Force|ARMED_GROUP|MMR|REB|
tplf|Tigray People's Liberation Front|TPLF|ARMED_GROUP|ETH|REB|
polisario|Polisario Front|Polisario;Frente Polisario|ARMED_GROUP|ESH|REB|
jemaah-islamiyah|Jemaah Islamiyah|Jemaah Islamiya;Jemaah Islamiah;Jemaah Islamiyya|ARMED_GROUP|IDN|REB|
jklf|Jammu and Kashmir Liberation Front|Jammu Kashmir Liberation Front;Jammu-Kashmir Liberation Front;JKLF|ARMED_GROUP|IND|REB|
aum-shinrikyo|Aum Shinrikyo|Aum Supreme Truth|ARMED_GROUP|JPN|REB|
al-aqsa-brigades|al-Aqsa Martyrs' Brigades|Al-Aqsa Martyrs' Brigades;al-Aqsa Martyrs Brigades;Al-Aqsa Martyrs Brigades;Al Aqsa Martyrs Brigades|ARMED_GROUP|PSE|REB|pse-fatah
mahdi-army|Mahdi Army|Mehdi Army;Jaish al-Mahdi|ARMED_GROUP|IRQ|UAF|
samsung|Samsung|Samsung Electronics;Samsung Group|COMPANY|MNC|BUS|
hyundai|Hyundai|Hyundai Motor;Hyundai Motor Company;Hyundai Motor Group|COMPANY|MNC|BUS|
huawei|Huawei|Huawei Technologies|COMPANY|MNC|BUS|
zte|ZTE||COMPANY|MNC|BUS|
tsmc|TSMC|Taiwan Semiconductor Manufacturing Company;Taiwan Semiconductor Manufacturing Co.|COMPANY|MNC|BUS|
gazprom|Gazprom||COMPANY|MNC|BUS|
rosneft|Rosneft||COMPANY|MNC|BUS|
rosatom|Rosatom||COMPANY|MNC|BUS|
aramco|Saudi Aramco|Aramco|COMPANY|MNC|BUS|
sinopec|Sinopec||COMPANY|MNC|BUS|
petrochina|PetroChina||COMPANY|MNC|BUS|
exxonmobil|ExxonMobil|Exxon Mobil;Exxon|COMPANY|MNC|BUS|
boeing|Boeing||COMPANY|MNC|BUS|
lockheed-martin|Lockheed Martin||COMPANY|MNC|BUS|
toyota|Toyota|Toyota Motor|COMPANY|MNC|BUS|
nvidia|Nvidia|NVIDIA|COMPANY|MNC|BUS|
spacex|SpaceX||COMPANY|MNC|BUS|
tiktok|TikTok||COMPANY|MNC|BUS|
bytedance|ByteDance||COMPANY|MNC|BUS|
google|Google|Alphabet Inc.|COMPANY|MNC|BUS|
microsoft|Microsoft||COMPANY|MNC|BUS|
pfizer|Pfizer||COMPANY|MNC|BUS|
"""

ORG_KINDS = {"IGO", "GOVBODY", "MILITARY", "ARMED_GROUP", "MEDIA", "NGO", "PARTY", "COMPANY"}

# words that make a Phoenix International entry recognisably an organization name
ORG_KEYWORDS = set("""ORGANIZATION ORGANISATION ORGANIZATIONS ORGANISATIONS AGENCY FUND COUNCIL COMMITTEE
ASSOCIATION FOUNDATION BANK UNION INSTITUTE INSTITUTION WATCH CENTER CENTRE SOCIETY SOCIETIES FEDERATION
LEAGUE PROGRAM PROGRAMME COMMISSION FORUM NETWORK ALLIANCE PARTNERSHIP TRUST CORPS MOVEMENT CAMPAIGN
COALITION CONFERENCE COURT TRIBUNAL ASSEMBLY PARLIAMENT SECRETARIAT BOARD AUTHORITY COMMUNITY
INTERNATIONAL FRONTIERES BORDERS CROSS CRESCENT COUNCILS AGENCIES""".split())

# acronyms never used as aliases (English words, or shared by too many bodies)
ACRONYM_BLOCK = set("""ETA IRA ALF AN CA ALL AND ARE ART ARC ACT AIM AID AIDS CAT CAR CARE MAN MAS NAM PAN SAS THE
WHO WAR WIN YES SUN SEA SOS FOR ONE USA UK US EU UN ANC ICC IRC PRO RAW LEAD HOPE PEACE IS IT OR PLAN
CAN MAY NOW OUR WE NEW OLD END BAN RED BIG TOP SAFE STAND REACH CORE FACE FAIR FREE HELP HOME LIFE
OPEN PACT TRUST UNITY VOICE WISE ISIS ASEAN APEC COPE DARE IDEA WAVE AWARE ABC CBS NBC FOX BBC AP GDP
ICAC CBA HUM ANA PRA ZERO CAMO ELF ERG FPS CRF""".split())

# Phoenix entries that duplicate a curated organization under a variant name:
# their names are merged into the curated row as aliases.
PHOENIX_MERGE = {
    "Organization of Petroleum Exporting Countries": "opec",
    "Organisation for Security and Cooperation in Europe": "osce",
    "UN High Commission for Refugees": "unhcr",
    "United Nations Commission for Refugees": "unhcr",
    "UN High Commission for Human Rights": "ohchr",
    "United Nations Food and Agriculture Organization": "fao",
    "International Telecommunications Union": "itu",
    "Secretariat of the UN": "un-secretariat",
    "International Federation of Red Cross and Red Crescent": "ifrc",
    "Save the Children Fund": "save-the-children",
    "Save the Children International": "save-the-children",
    "International Save the Children Alliance": "save-the-children",
    "UN Security Council": "unsc",
}
# Phoenix entries dropped after review (generic, truncated, misspelt, persons' roles)
PHOENIX_SKIP = {
    "International Government Organisation", "International Government Organization",
    "World Bank Family Network Book Project", "European Commission to the Philippines",
    "International War Crimes Tribunal", "Special Rapporteur of the United Nations Human Rights Council",
    "South Asian Association", "Organization of Islamic Conferences", "Association of Southeast Asia Nations",
    "Organization of Non Aligned Countries", "Red Crescent", "Indo Bangla Joint River Commission",
    "West Africa Development Bank", "Arab Bank for Economic Develoment in Africa",
    "Non Governmental Organisation", "Non Governmental Organization", "Non Government Organisation",
    "Non Government Organization", "Human Rights Organization", "Torchwood Institute",
    "Martha Wayne Foundation", "NGO Health Committee", "Badr Forces",
}
# Phoenix synonyms that are wrong for their entry or name something else
PHOENIX_ALIAS_SKIP = {"Italian Red Brigade", "Red Regiments", "Supporters of Islam", "Supporters of Jihad",
                      "Band of Partisans", "League of the Followers", "Partisans League", "Brigade of Knights",
                      "Knights Brigades", "Group of Death", "Jihad Base", "Red Eagles", "Islamic Community",
                      "Islamic Group", "Islamic Union", "Islamic Unity"}
# words that carry no identity on their own: a Phoenix name made only of these is too generic
GENERIC_WORDS = set("""islamic islamist muslim arab arabic group groups community society union unity army front movement
people's peoples people popular revolutionary revolution national liberation organization organisation
committee council coordination united democratic party of the for and in a an to al el international
world global new free freedom resistance action struggle fighters fighting combatant combatants armed
forces force brigade brigades battalion cells cell nucleus nuclei faction leftist left right communist
socialist workers worker youth students student martyrs martyr holy war jihad justice peace anti
association federation league alliance network institute center centre foundation fund""".split())

PHOENIX_ORG_PARENT = {"IGOUNO": "un", "IGOEUREEC": "eu", "IGOWSTNAT": "nato", "IGOSEAASN": "asean"}


def slugify(s: str) -> str:
    s = fold(s).lower().replace("&", " and ").replace("'", "")
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s


def clean_org_name(raw: str):
    """Return (label, [acronyms]) for a TABARI org/group name, or None if unusable."""
    s = raw.strip().strip("_").strip()
    if not s or re.search(r"[0-9+:/\\;\"!?]|\.[A-Z_]|[A-Z]\._", s) or " " in s.strip():
        return None
    acr = []
    for m in re.finditer(r"\(([^)]*)\)", s):
        inner = m.group(1).strip("_")
        if re.fullmatch(r"[A-Z][A-Z.\-]{2,9}", inner):
            acr.append(inner)
    s = re.sub(r"_?\([^)]*\)_?", "_", s)
    if "(" in s or ")" in s:
        return None
    s = re.sub(r"^THE_", "", s)
    label = natural_case(s)
    if len(label) < 4:
        return None
    return label, acr


ARMED_KEYWORDS = set("""army front brigade brigades movement organization organisation group groups cells cell
nuclei nucleus faction party council union resistance liberation jihad jamaat jama'at jemaah jaish jaysh
lashkar laskar hizb hezb tigers commandos commando committee forces force militia battalion legion guard
guards volunteers struggle action society federation league alliance network patrol patrols fighters
combatants hawks squad squads command youth martyrs revenge ansar harakat jabhat tehrik sipah jund
battalions regiment partisans guerrillas guerrilla rebels mujahideen mujahidin fedayeen tanzim corps
coalition unit units organisation""".split())


def specific(name: str) -> bool:
    words = [w.strip("'\"").lower() for w in re.split(r"[ \-]", name) if w.strip()]
    return any(w not in GENERIC_WORDS for w in words)


def acronym_ok(a: str) -> bool:
    if re.search(r"-[A-Z]{3,}", a):
        return False            # AL-AQSA, AL-TAWHID: words, not acronyms
    core = a.replace(".", "").replace("-", "")
    return (a == a.upper() and 3 <= len(core) <= 8 and core.isalpha() and core not in ACRONYM_BLOCK)


def build_organizations(phoenix: Path, country_rows):
    rows = []
    taken = {}          # surface key -> org id
    ids = set()
    country_surfaces = {key(s) for r in country_rows for s in [r[1], *r[2], *r[3], *r[4]]}
    country_codes = {r[0] for r in country_rows}

    def add(oid, label, aliases, kind, country, sector, parent, source):
        if oid in ids:
            if source == "phoenix":
                return
            raise ValueError(f"duplicate org id {oid}")
        if kind not in ORG_KINDS:
            raise ValueError(f"{oid}: bad kind {kind}")
        if source == "phoenix" and (key(label) in taken or key(label) in country_surfaces):
            return
        ids.add(oid)
        keep = []
        for a in uniq([label] + aliases):
            k = key(a)
            if source == "phoenix" and a != label and ((" " in a and not specific(a)) or a in PHOENIX_ALIAS_SKIP):
                continue
            if k in country_surfaces and source == "phoenix":
                continue
            if k in taken and taken[k] != oid:
                if source == "curated":
                    raise ValueError(f"alias '{a}' of {oid} already used by {taken[k]}")
                continue
            taken[k] = oid
            keep.append(a)
        if label not in keep:
            raise ValueError(f"{oid}: label '{label}' lost")
        rows.append([oid, label, [a for a in keep if a != label], kind, country, sector, parent])

    def merge(oid, names):
        row = next(r for r in rows if r[0] == oid)
        for n in names:
            if key(n) not in taken:
                taken[key(n)] = oid
                row[2].append(n)

    # 1. curated
    for line in CURATED_ORGS.strip().splitlines():
        f = line.split("|")
        if len(f) != 7:
            raise ValueError(f"bad org line: {line}")
        oid, label, aliases, kind, country, sector, parent = f
        add(oid, label, with_folded(split_list(aliases)), kind, country, sector, parent, "curated")

    # 2. Phoenix International: IGOs and NGOs whose name reads as an organization
    for b in parse_tabari(phoenix / "Phoenix.International.actors.txt"):
        codes = [c.strip() for c in b["codes"] if c.strip()]
        if not codes:
            continue
        c0 = codes[0].split()[0]
        if not (c0.startswith("IGO") or c0.startswith("NGO")):
            continue
        if any(re.search(r"\d|[<>]", c) for c in codes) or "ELI" in " ".join(codes):
            continue          # dated codes belong to persons (office holders)
        cn = clean_org_name(b["name"])
        if cn is None:
            continue
        label, acr = cn
        if len(label.split()) < 2 or not (set(label.upper().split()) & ORG_KEYWORDS):
            continue
        if label in PHOENIX_MERGE:
            merge(PHOENIX_MERGE[label], [label])
            continue
        if label in PHOENIX_SKIP or not specific(label) or key(label) in taken:
            continue
        aliases = [a for a in acr if acronym_ok(a)]
        for syn in b["syn"]:
            if re.fullmatch(r"[A-Z][A-Z.&]{1,8}(-[A-Z]{1,2})?_?", syn.strip()):
                a = syn.strip().strip("_")
                if acronym_ok(a):
                    aliases.append(a)
                continue
            cs = clean_org_name(syn)
            if cs and len(cs[0].split()) >= 2 and set(cs[0].upper().split()) & ORG_KEYWORDS:
                aliases.append(cs[0])
                aliases += [a for a in cs[1] if acronym_ok(a)]
        oid = slugify(label)
        if not oid or oid in ids:
            oid = f"{oid}-{c0.lower()}"
            if oid in ids:
                continue
        kind = "IGO" if c0.startswith("IGO") else "NGO"
        parent = next((p for pre, p in PHOENIX_ORG_PARENT.items() if c0.startswith(pre)), "")
        add(oid, label, with_folded(aliases), kind, kind, kind, parent, "phoenix")

    # 3. Phoenix MilNonState: armed non-state groups
    for b in parse_tabari(phoenix / "Phoenix.MilNonState.actors.txt"):
        codes = [c.strip() for c in b["codes"] if c.strip()]
        if not codes or b["name"].endswith("__"):
            continue        # the "__" tail of the file lists persons and spelling variants
        c0 = codes[0].split()[0]
        cn = clean_org_name(b["name"])
        if cn is None:
            continue
        label, acr = cn
        if len(label.split()) < 2 or key(label) in taken or label in PHOENIX_SKIP or not specific(label):
            continue
        if not (set(w.strip("'") for w in re.split(r"[ \-]", label.lower())) & ARMED_KEYWORDS):
            continue        # no group word: mostly persons listed in the file
        aliases = [a for a in acr if acronym_ok(a)]
        for syn in b["syn"]:
            s = syn.strip()
            if re.fullmatch(r"[A-Z][A-Z.&]{1,8}(-[A-Z]{1,2})?_?", s):
                if acronym_ok(s.strip("_")):
                    aliases.append(s.strip("_"))
                continue
            cs = clean_org_name(s)
            if cs and len(cs[0].split()) >= 2:
                aliases.append(cs[0])
                aliases += [a for a in cs[1] if acronym_ok(a)]
        oid = slugify(label)
        if not oid or oid in ids:
            continue
        country = c0[:3] if c0[:3] in country_codes else ""
        parent = "al-qaeda" if "ALQ" in c0 else ""
        add(oid, label, with_folded(aliases), "ARMED_GROUP", country, "REB", parent, "phoenix")

    # The state each armed group acts for, by the coding rules (its home state's rebels; PSE;
    # IMG for transnational groups with no state), hand-curated with a reason per group.
    codes = {}
    with open(DEFAULT_OUT / "armed_groups.tsv", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or line.startswith("id\t") or not line.strip():
                continue
            oid, code, _why = line.rstrip("\n").split("\t")
            codes[oid] = code
    for r in rows:
        if r[3] == "ARMED_GROUP":
            if r[0] not in codes:
                raise ValueError(f"{r[0]}: armed group missing from armed_groups.tsv")
            r[4] = codes[r[0]]
    for r in rows:
        if r[6] and r[6] not in ids:
            raise ValueError(f"{r[0]}: unknown parent {r[6]}")
    return rows

AGENT_KINDS = {"GOVBODY", "MILITARY", "ARMED_GROUP", "MEDIA", "NGO", "PERSON_GROUP", "PERSON"}

# Head noun -> kind.  "*" means: decided by the sector (see group_kind()).
# A Phoenix agent noun is kept only if its head noun is listed here: this is the
# curation step that drops weapons, vehicles, buildings, abstractions and typos.
HEAD_KIND = {}
for _kind, _words in {
    "PERSON": """soldier officer general commander commandant admiral colonel lieutenant sergeant corporal
        marshal generalissimo policeman policewoman constable detective spy rebel insurgent militant fighter
        guerrilla guerilla gunman jihadist extremist terrorist separatist mercenary combatant hijacker kidnapper
        pirate smuggler trafficker bandit gangster criminal protester protestor demonstrator rioter activist
        dissident student teacher professor scholar academic academician scientist economist analyst expert
        researcher lecturer intellectual journalist reporter correspondent editor columnist photographer blogger
        diplomat ambassador envoy consul emissary negotiator mediator official spokesman spokeswoman
        spokesperson minister secretary undersecretary adviser advisor aide lawmaker legislator senator
        congressman congresswoman parliamentarian politician candidate judge magistrate prosecutor lawyer
        attorney barrister premier leader chief ruler king queen prince princess monarch dictator despot
        tyrant governor mayor chairman chairwoman chairperson director administrator bureaucrat businessman
        businesswoman businessperson executive entrepreneur investor tycoon trader merchant banker
        industrialist employer farmer peasant fisherman herder rancher sharecropper worker labourer laborer
        employee unionist miner villager resident civilian citizen refugee migrant immigrant emigrant evacuee
        returnee detainee prisoner hostage cleric imam mullah ayatollah priest monk nun bishop archbishop
        cardinal pastor rabbi missionary preacher doctor physician nurse surgeon medic paramedic volunteer
        peacekeeper observer inspector investigator delegate voter supporter opponent critic defector deserter
        exile veteran reservist conscript recruit sailor seaman marine airman pilot paratrooper commando sniper
        bodyguard warrior militiaman partisan loyalist nationalist islamist royalist communist leftist rightist
        settler tribesman elder chieftain warlord kingpin coordinator counsellor counselor commissioner
        envoy representative deputy president vice-president chancellor dean headmaster mufti sheikh
        patriarch pope archimandrite lama abbot""",
    "PERSON_GROUP": """troop people public population crowd mob family clan tribe community minority diaspora
        youth elite clergy personnel workforce gang cartel syndicate mafia child delegation team crew
        opposition party company firm corporation conglomerate business industry union society""",
    "GOVBODY": """government regime administration ministry department cabinet presidency junta embassy
        consulate judiciary parliament legislature senate congress diet chamber court tribunal police
        gendarmerie bureaucracy polity kingdom""",
    "MILITARY": """military army navy force battalion brigade regiment division corps fleet squadron
        infantry garrison paramilitary guard""",
    "MEDIA": """newspaper daily media press television broadcaster radio tabloid magazine publication
        publisher outlet""",
    "NGO": """ngo charity""",
    "*": """group movement organization organisation agency bureau office authority council commission
        committee assembly coalition front faction cell network militia service station""",
}.items():
    for _w in _words.split():
        HEAD_KIND.setdefault(_w, _kind)

UNCOUNTABLE = {"police", "personnel", "clergy", "media", "press", "public", "infantry", "staff",
               "gendarmerie", "youth", "opposition", "people", "military", "intelligence", "riot police",
               "secret police", "military police", "federal police", "criminal police", "anti-riot police",
               "security", "business", "industry", "television", "radio", "elite", "judiciary",
               "bureaucracy", "workforce", "mafia", "cavalry"}
IRREGULAR_PLURAL = {"man": "men", "woman": "women", "person": "people|persons", "child": "children",
                    "people": "people", "chief": "chiefs", "militia": "militias", "spokesperson": "spokespeople|spokespersons",
                    "businessperson": "businesspeople|businesspersons", "chairperson": "chairpersons",
                    "attorney general": "attorneys general", "secretary general": "secretaries general",
                    "secretary-general": "secretaries-general", "commander-in-chief": "commanders-in-chief",
                    "commander in chief": "commanders in chief", "mp": "mps", "ngo": "ngos", "elite": "elites",
                    "crisis": "crises", "staff": "staff", "aide-de-camp": "aides-de-camp",
                    "aide de camp": "aides de camp", "chief of staff": "chiefs of staff", "embassy": "embassies",
                    "troop": "troops", "seaman": "seamen", "tv": "tv"}

# modifiers that are typos or oddities in Phoenix.agents.txt; entries containing them are dropped
AGENT_DENY_WORDS = set("""nongovernmenal provincal enterpreneur monastary sanatarium lieutentant offcial minster
    a an the in alleged unspecified some recreant lawgiver promulgator assemblage pleader granger sodbuster
    cutpurse jailbird gaolbird monger oiler tourer excursionist mugger rustler rapist burglar conman
    cyberdissidents weekend tree nanny nursemaid waiter waitress cabinetmaker husbandman cattleman
    dairyman herdsman herdswoman herdsperson cattlewoman cattleperson dairywoman dairyperson husbandwoman
    husbandperson fisherwoman fisherperson newspaperwoman newspaperperson clergywoman clergyperson
    clergyman hasid hasidim sadhu headmaster unmanned aerial drone jet tank ship missile plane aircraft
    helicopter vessel building palace facility hospital base position machine system source activity
    information rule meeting top dfense stealth tomcat throne semi-official chief's agitated unidentified
    alleged leading local striking sheriff cyber ent extemist privitization ngos foster-nurse fire first
    honorary eco pulp doctoral adoption airline control strategic power mines operating non-resident
    science patent postal""".split())

# ministries, ministers, secretaries and departments are kept only for these portfolios
PORTFOLIOS = set("""foreign defence defense interior home finance trade justice health education energy
    economy industry agriculture environment information transport commerce unification immigration
    treasury""".split()) | {"foreign affairs", "home affairs", "external affairs", "internal affairs"}

GROUP_SECTOR_KIND = {
    "REB": "ARMED_GROUP", "UAF": "ARMED_GROUP", "RAD": "ARMED_GROUP", "IMG": "ARMED_GROUP", "INS": "ARMED_GROUP",
    "MIL": "MILITARY", "MED": "MEDIA",
    "NGO": "NGO", "HRI": "NGO", "DEV": "NGO", "ENV": "NGO", "REF": "NGO",
    "GOV": "GOVBODY", "JUD": "GOVBODY", "LEG": "GOVBODY", "COP": "GOVBODY", "SPY": "GOVBODY", "IGO": "GOVBODY",
}

# Phoenix uses religion codes as sectors; CAMEO treats them as religious actors
RELIGION_SECTOR = {"MUS": "REL", "CHR": "REL", "JEW": "REL", "BUD": "REL", "HIN": "REL", "CTH": "REL",
                   "PRO": "REL", "SHI": "REL", "SUN": "REL", "ORT": "REL"}


def pluralize(noun: str) -> str:
    if noun in UNCOUNTABLE:
        return noun
    if noun in IRREGULAR_PLURAL:
        return IRREGULAR_PLURAL[noun]
    m = re.match(r"^(.*?)( of .*)$", noun)
    if m:
        return pluralize(m.group(1)) .split("|")[0] + m.group(2)
    words = noun.split(" ")
    head = words[-1]
    if head in IRREGULAR_PLURAL:
        p = IRREGULAR_PLURAL[head]
    elif head in UNCOUNTABLE:
        p = head
    elif head.endswith("man") and head not in ("german", "human", "ottoman", "shaman"):
        p = head[:-3] + "men"
    elif head.endswith("person"):
        p = head[:-6] + "people"
    elif re.search(r"(s|x|z|ch|sh)$", head):
        p = head + "es"
    elif re.search(r"[^aeiou]y$", head):
        p = head[:-1] + "ies"
    else:
        p = head + "s"
    return " ".join(words[:-1] + [p.split("|")[0]]) + ("|" + " ".join(words[:-1] + [p.split("|")[1]]) if "|" in p else "")


def singularize_word(w: str) -> str:
    irregular = {"men": "man", "women": "woman", "children": "child", "people": "people", "persons": "person",
                 "gunmen": "gunman", "forces": "force", "authorities": "authority", "assemblies": "assembly",
                 "militias": "militia", "troops": "troop", "paratroops": "paratrooper"}
    if w in irregular:
        return irregular[w]
    if w.endswith("men") and len(w) > 4:
        return w[:-3] + "man"
    if w.endswith("ies"):
        return w[:-3] + "y"
    if re.search(r"(ches|shes|sses|xes)$", w):
        return w[:-2]
    if w.endswith("s") and not w.endswith("ss") and not w.endswith("us"):
        return w[:-1]
    return w


def agent_head(noun: str) -> str:
    m = re.match(r"^(.*?) of ", noun)
    base = m.group(1) if m else noun
    return base.split(" ")[-1]


def agent_kind(noun: str, sector: str):
    head = agent_head(noun)
    k = HEAD_KIND.get(head)
    if k is None and "-" in head:
        k = HEAD_KIND.get(head.split("-")[-1])
    if k is None:
        return None
    if k == "*":
        if head in ("office", "bureau", "station", "service") and sector not in ("GOV", "SPY", "MED", "COP", "MIL"):
            return None
        return GROUP_SECTOR_KIND.get(sector, "PERSON_GROUP" if head not in ("agency", "office", "bureau", "authority", "council", "commission", "committee", "assembly", "service") else "GOVBODY")
    if head == "fighter" and sector == "MIL":
        return None             # fighter jets
    if k == "MILITARY" and sector in ("REB", "UAF", "RAD", "IMG", "OPP"):
        return "ARMED_GROUP"
    return k


def read_phoenix_agents(path: Path):
    """Yield (noun, plural_or_None, sector) from Phoenix.agents.txt (macros expanded)."""
    macros = {}
    with open(path, encoding="utf-8", errors="replace") as fh:
        lines = fh.read().splitlines()
    for raw in lines:
        line = raw.split("#", 1)[0].strip()
        m = re.match(r"^(![A-Z]+!)\s*=\s*(.+)$", line)
        if m:
            macros[m.group(1)] = [w.strip() for w in m.group(2).split(",")]
    for raw in lines:
        line = raw.split("#", 1)[0].strip()
        if not line or "=" in line:
            continue
        m = re.match(r"^(.*?)\s*(\{[^}]*\})?\s*\[([^\]]*)\]\s*$", line)
        if not m:
            continue
        noun, plural, code = m.group(1).strip(), m.group(2), m.group(3).strip()
        code = code.replace("~", "")
        if not code:
            continue
        sector = code[:3]
        if sector in RELIGION_SECTOR:
            rest = re.sub(r"^(MUS|CHR|JEW|BUD|HIN|CTH|PRO|SHI|SUN|ORT)+", "", code)
            sector = rest[:3] if len(rest) >= 3 else RELIGION_SECTOR[sector]
        noun = noun.replace(" ", "_")
        if re.search(r"MINIST(?!R|E|!)", noun):
            noun = re.sub(r"MINIST(?!R|E|!)", "!MINIST!", noun)
        variants = [noun]
        for mac, words in macros.items():
            nxt = []
            for v in variants:
                if mac in v:
                    sing = [w for w in words if not w.endswith(("MEN", "IES", "ERS", "RIES")) or w == "PERSON"]
                    sing = [w for w in words if w in ("MAN", "WOMAN", "PERSON", "MINISTER", "MINISTRY")] or sing
                    nxt += [v.replace(mac, w, 1) for w in sing]
                else:
                    nxt.append(v)
            variants = nxt
        for v in variants:
            if "!" in v:
                continue
            n = v.strip("_").replace("_", " ").lower()
            n = re.sub(r"\s+", " ", n).strip()
            p = None
            if plural is not None:
                inner = plural.strip("{}").strip()
                p = "" if not inner else inner.replace("_", " ").lower()
            yield n, p, sector

# noun|sector|kind|plural (plural empty = computed).  Added when missing from
# Phoenix, and override the mechanical values when present.
CURATED_AGENTS = """
government|GOV|GOVBODY|
tank|MIL|MILITARY|tanks
warship|MIL|MILITARY|warships
warplane|MIL|MILITARY|warplanes
fighter jet|MIL|MILITARY|fighter jets
jet|MIL|MILITARY|jets
helicopter gunship|MIL|MILITARY|helicopter gunships
gunship|MIL|MILITARY|gunships
gunboat|MIL|MILITARY|gunboats
bulldozer|MIL|MILITARY|bulldozers
artillery|MIL|MILITARY|artillery
regime|GOV|GOVBODY|
administration|GOV|GOVBODY|
cabinet|GOV|GOVBODY|
ministry|GOV|GOVBODY|
authority|GOV|GOVBODY|authorities
presidency|GOV|GOVBODY|
presidential office|GOV|GOVBODY|
presidential palace|GOV|GOVBODY|
royal palace|GOV|GOVBODY|
prime minister's office|GOV|GOVBODY|prime minister's offices
foreign ministry|GOV|GOVBODY|
foreign office|GOV|GOVBODY|
foreign affairs ministry|GOV|GOVBODY|
defence ministry|GOV|GOVBODY|
defense ministry|GOV|GOVBODY|
defence department|GOV|GOVBODY|
defense department|GOV|GOVBODY|
interior ministry|GOV|GOVBODY|
home ministry|GOV|GOVBODY|
home office|GOV|GOVBODY|
finance ministry|GOV|GOVBODY|
economy ministry|GOV|GOVBODY|
trade ministry|GOV|GOVBODY|
commerce ministry|GOV|GOVBODY|
justice ministry|GOV|GOVBODY|
health ministry|GOV|GOVBODY|
education ministry|GOV|GOVBODY|
energy ministry|GOV|GOVBODY|
industry ministry|GOV|GOVBODY|
agriculture ministry|GOV|GOVBODY|
transport ministry|GOV|GOVBODY|
environment ministry|GOV|GOVBODY|
information ministry|GOV|GOVBODY|
unification ministry|GOV|GOVBODY|
central bank|GOV|GOVBODY|
election commission|GOV|GOVBODY|
electoral commission|GOV|GOVBODY|
national security council|GOV|GOVBODY|
security council|GOV|GOVBODY|
state council|GOV|GOVBODY|
politburo|GOV|GOVBODY|
ruling party|GOV|PERSON_GROUP|
official|GOV|PERSON|
senior official|GOV|PERSON|
government official|GOV|PERSON|
administration official|GOV|PERSON|
defence official|GOV|PERSON|
defense official|GOV|PERSON|
military official|MIL|PERSON|
security official|COP|PERSON|
diplomat|GOV|PERSON|
envoy|GOV|PERSON|
special envoy|GOV|PERSON|
ambassador|GOV|PERSON|
negotiator|GOV|PERSON|
mediator|GOV|PERSON|
delegation|GOV|PERSON_GROUP|
delegate|GOV|PERSON|
spokesman|GOV|PERSON|
spokeswoman|GOV|PERSON|
spokesperson|GOV|PERSON|spokespeople|spokespersons
minister|GOV|PERSON|
minister without portfolio|GOV|PERSON|ministers without portfolio
aide|GOV|PERSON|
adviser|GOV|PERSON|
advisor|GOV|PERSON|
leader|GOV|PERSON|
head of state|GOV|PERSON|heads of state
head of government|GOV|PERSON|heads of government
military|MIL|MILITARY|militaries
army|MIL|MILITARY|
navy|MIL|MILITARY|
air force|MIL|MILITARY|
armed force|MIL|MILITARY|
security force|MIL|MILITARY|
coast guard|MIL|MILITARY|
national guard|MIL|MILITARY|
marine corps|MIL|MILITARY|marine corps
special forces|MIL|MILITARY|special forces
joint chiefs of staff|MIL|MILITARY|joint chiefs of staff
defense force|MIL|MILITARY|
defence force|MIL|MILITARY|
troop|MIL|PERSON_GROUP|troops
soldier|MIL|PERSON|
border guard|MIL|PERSON|
marine|MIL|PERSON|
sailor|MIL|PERSON|
military officer|MIL|PERSON|
peacekeeper|IGO|PERSON|
peacekeeping force|IGO|MILITARY|
police|COP|GOVBODY|police
police force|COP|GOVBODY|
policeman|COP|PERSON|
policewoman|COP|PERSON|
police officer|COP|PERSON|
riot police|COP|PERSON_GROUP|riot police
intelligence agency|SPY|GOVBODY|intelligence agencies
spy agency|SPY|GOVBODY|spy agencies
intelligence service|SPY|GOVBODY|
security service|SPY|GOVBODY|
secret police|SPY|GOVBODY|secret police
spy|SPY|PERSON|
court|JUD|GOVBODY|
supreme court|JUD|GOVBODY|
constitutional court|JUD|GOVBODY|
judge|JUD|PERSON|
prosecutor|JUD|PERSON|
lawyer|JUD|PERSON|
parliament|LEG|GOVBODY|
national assembly|LEG|GOVBODY|
legislature|LEG|GOVBODY|
senate|LEG|GOVBODY|
lower house|LEG|GOVBODY|
upper house|LEG|GOVBODY|
lawmaker|LEG|PERSON|
legislator|LEG|PERSON|
parliamentarian|LEG|PERSON|
opposition|OPP|PERSON_GROUP|opposition
opposition party|OPP|PERSON_GROUP|
opposition leader|OPP|PERSON|
dissident|OPP|PERSON|
protester|OPP|PERSON|
protestor|OPP|PERSON|
demonstrator|OPP|PERSON|
activist|OPP|PERSON|
rebel|REB|PERSON|
rebel group|REB|ARMED_GROUP|
insurgent|REB|PERSON|
insurgent group|REB|ARMED_GROUP|
guerrilla|REB|PERSON|
separatist|REB|PERSON|
militant|UAF|PERSON|
militant group|UAF|ARMED_GROUP|
armed group|UAF|ARMED_GROUP|
militia|UAF|ARMED_GROUP|militias
militiaman|UAF|PERSON|
gunman|UAF|PERSON|
attacker|UAF|PERSON|
assailant|UAF|PERSON|
fighter|UAF|PERSON|
jihadist|REB|PERSON|
jihadist group|REB|ARMED_GROUP|
terrorist|REB|PERSON|
terrorist group|REB|ARMED_GROUP|
terror group|REB|ARMED_GROUP|
extremist|RAD|PERSON|
extremist group|RAD|ARMED_GROUP|
businessman|BUS|PERSON|
businesswoman|BUS|PERSON|
business leader|BUS|PERSON|
executive|BUS|PERSON|
company|BUS|PERSON_GROUP|
firm|BUS|PERSON_GROUP|
investor|BUS|PERSON|
journalist|MED|PERSON|
reporter|MED|PERSON|
correspondent|MED|PERSON|
newspaper|MED|MEDIA|
news agency|MED|MEDIA|news agencies
state media|GOV|MEDIA|state media
state-run media|GOV|MEDIA|state-run media
state television|GOV|MEDIA|state television
state news agency|GOV|MEDIA|state news agencies
broadcaster|MED|MEDIA|
aid group|NGO|NGO|
aid agency|NGO|NGO|aid agencies
aid worker|NGO|PERSON|
charity|NGO|NGO|charities
rights group|HRI|NGO|
human rights group|HRI|NGO|
ngo|NGO|NGO|ngos
refugee|REF|PERSON|
asylum seeker|REF|PERSON|
displaced person|REF|PERSON|displaced people|displaced persons
migrant|CVL|PERSON|
civilian|CVL|PERSON|
villager|CVL|PERSON|
resident|CVL|PERSON|
citizen|CVL|PERSON|
people|CVL|PERSON_GROUP|people
public|CVL|PERSON_GROUP|public
hostage|CVL|PERSON|
student|EDU|PERSON|
tourist|CVL|PERSON|
visitor|CVL|PERSON|
pilgrim|REL|PERSON|
professor|EDU|PERSON|
scholar|EDU|PERSON|
analyst|EDU|PERSON|
expert|EDU|PERSON|
worker|LAB|PERSON|
trade union|LAB|PERSON_GROUP|
labor union|LAB|PERSON_GROUP|
labour union|LAB|PERSON_GROUP|
farmer|AGR|PERSON|
cleric|REL|PERSON|
imam|REL|PERSON|
priest|REL|PERSON|
doctor|HLH|PERSON|
health worker|HLH|PERSON|
"""

# Phoenix nouns dropped after review (not actors, or wrongly coded for our purpose)
AGENT_DROP = {x.strip() for x in """
general assembly; security council; state council; kingdom; polity; governance; forces;
people's assembly; national council; federal executive council; federal national council;
family; women; children; child; persons; person; man; woman; boss; employer; landlord; exporter; producer;
merchandiser; believer; worshiper; constituent; onlooker; population; mob; native people; small town;
settlement; repatriate; engineer; athlete; traveler; industry; business; tourism industry; defence industry;
defense industry; arms industry; administrative body; regulatory body; government organization;
religious organization; government employer; government run firm; consul general office;
drug trafficking terrorist; highly ranking official; military support personnel; neutral caretaker government;
royal coalition government; representative's council; workers action council; workers' action council;
moslem settler; muslim migrant; muslim doctor; muslim missionary; buddhist student; buddhist warrior;
illegal immigrant; illegal migrant; illegal movement; murderous extremist; enemy insurgent; extremist soldier;
public health chief; medical social worker; newspaper chief editor; counter drugs expert; company union;
house physician; resident physician; graduate nurse; trained nurse; registered nurse; stipendiary magistrate;
sole political party; top executive; economic expert; government defector; ruling general; paramount ruler;
opposition parliament; opposition party demonstrator; pro-democratic leader; democratic opposition leader;
semi-official; first family; election complaints commission; national nutritional council
""".split(";") if x.strip()}


def build_agents(phoenix: Path):
    found = {}
    for noun, plural, sector in read_phoenix_agents(phoenix / "Phoenix.agents.txt"):
        if not noun or re.search(r"[^a-z' \-]", noun):
            continue
        noun = re.sub(r"^(anti|self|non|pro|semi|sub) ", r"\1-", noun)
        if re.search(r" (of|and|with|for) ", noun) or len(noun.split(" ")) > 3:
            continue            # portfolio permutations and phrases: titles.tsv covers offices
        head = noun.split(" ")[-1]
        if head in ("minister", "ministry", "secretary", "department") and " " in noun:
            if noun.rsplit(" ", 1)[0] not in PORTFOLIOS:
                continue
        words = set(re.split(r"[ \-]", noun))
        if words & AGENT_DENY_WORDS:
            continue
        last = noun.split(" ")[-1]
        if last.endswith("s") and plural is None and noun not in UNCOUNTABLE and last not in ("press", "corps", "news", "boss", "witness", "congress", "headquarters", "mass"):
            noun = " ".join(noun.split(" ")[:-1] + [singularize_word(last)])
        if noun in AGENT_DROP or len(noun) < 3:
            continue
        kind = agent_kind(noun, sector)
        if kind is None:
            continue
        if not re.fullmatch(r"[A-Z]{3}", sector):
            continue
        if plural == "":
            pl = noun
        elif plural:
            pl = plural
        else:
            pl = pluralize(noun)
        found.setdefault(noun, [noun, sector, kind, pl])
    for line in CURATED_AGENTS.strip().splitlines():
        noun, sector, kind, *pl = line.split("|")
        pl = "|".join(pl).strip("|") or pluralize(noun)
        found[noun] = [noun, sector, kind, pl]
    rows = sorted(found.values(), key=lambda r: r[0])
    for r in rows:
        if r[2] not in AGENT_KINDS:
            raise ValueError(f"agent {r[0]}: bad kind {r[2]}")
    return rows

TITLE_KINDS = {"HEAD_OF_STATE", "HEAD_OF_GOVERNMENT", "MINISTER", "DIPLOMAT", "LEGISLATOR", "MILITARY",
               "JUDICIAL", "RELIGIOUS", "OFFICIAL", "STATE_OFFICIAL", "ROYAL"}

# title|sector|kind|rank   (rank 1 = head of state ... 5 = spokesman / junior)
CURATED_TITLES = """
President|GOV|HEAD_OF_STATE|1
Acting President|GOV|HEAD_OF_STATE|1
Interim President|GOV|HEAD_OF_STATE|1
President-elect|GOV|HEAD_OF_STATE|2
Supreme Leader|GOV|HEAD_OF_STATE|1
Leader|GOV|HEAD_OF_STATE|1
leader|GOV|OFFICIAL|2
Chairman|GOV|HEAD_OF_STATE|2
General Secretary|GOV|HEAD_OF_STATE|1
King|GOV|ROYAL|1
Queen|GOV|ROYAL|1
Emperor|GOV|ROYAL|1
Emir|GOV|ROYAL|1
Amir|GOV|ROYAL|1
Sultan|GOV|ROYAL|1
Grand Duke|GOV|ROYAL|1
Prince|GOV|ROYAL|3
Princess|GOV|ROYAL|3
Crown Prince|GOV|ROYAL|2
Sheikh|GOV|ROYAL|3
Prime Minister|GOV|HEAD_OF_GOVERNMENT|1
Premier|GOV|HEAD_OF_GOVERNMENT|1
Chancellor|GOV|HEAD_OF_GOVERNMENT|1
Taoiseach|GOV|HEAD_OF_GOVERNMENT|1
State Counsellor|GOV|HEAD_OF_GOVERNMENT|1
Chief Executive|GOV|HEAD_OF_GOVERNMENT|2
Vice President|GOV|STATE_OFFICIAL|2
Vice-President|GOV|STATE_OFFICIAL|2
First Vice President|GOV|STATE_OFFICIAL|2
Deputy Prime Minister|GOV|MINISTER|2
Vice Premier|GOV|MINISTER|2
First Deputy Prime Minister|GOV|MINISTER|2
Minister|GOV|MINISTER|3
Foreign Minister|GOV|MINISTER|2
Minister of Foreign Affairs|GOV|MINISTER|2
Foreign Affairs Minister|GOV|MINISTER|2
External Affairs Minister|GOV|MINISTER|2
Secretary of State|GOV|MINISTER|2
Foreign Secretary|GOV|MINISTER|2
Deputy Foreign Minister|GOV|MINISTER|3
Vice Foreign Minister|GOV|MINISTER|3
First Vice Foreign Minister|GOV|MINISTER|3
Deputy Secretary of State|GOV|MINISTER|3
Under Secretary of State|GOV|MINISTER|3
Assistant Secretary of State|GOV|STATE_OFFICIAL|4
Defence Minister|GOV|MINISTER|2
Defense Minister|GOV|MINISTER|2
Minister of Defence|GOV|MINISTER|2
Minister of Defense|GOV|MINISTER|2
Minister of National Defense|GOV|MINISTER|2
Defense Secretary|GOV|MINISTER|2
Defence Secretary|GOV|MINISTER|2
Secretary of Defense|GOV|MINISTER|2
Secretary of War|GOV|MINISTER|2
War Secretary|GOV|MINISTER|2
Interior Minister|GOV|MINISTER|2
Minister of the Interior|GOV|MINISTER|2
Home Minister|GOV|MINISTER|2
Home Secretary|GOV|MINISTER|2
Homeland Security Secretary|GOV|MINISTER|2
Finance Minister|GOV|MINISTER|2
Minister of Finance|GOV|MINISTER|2
Treasury Secretary|GOV|MINISTER|2
Secretary of the Treasury|GOV|MINISTER|2
Chancellor of the Exchequer|GOV|MINISTER|2
Economy Minister|GOV|MINISTER|3
Trade Minister|GOV|MINISTER|3
Commerce Minister|GOV|MINISTER|3
Commerce Secretary|GOV|MINISTER|3
Trade Representative|GOV|MINISTER|3
Industry Minister|GOV|MINISTER|3
Energy Minister|GOV|MINISTER|3
Energy Secretary|GOV|MINISTER|3
Justice Minister|GOV|MINISTER|3
Attorney General|JUD|MINISTER|3
Health Minister|GOV|MINISTER|3
Health Secretary|GOV|MINISTER|3
Education Minister|GOV|MINISTER|3
Agriculture Minister|GOV|MINISTER|3
Environment Minister|GOV|MINISTER|3
Transport Minister|GOV|MINISTER|3
Information Minister|GOV|MINISTER|3
Culture Minister|GOV|MINISTER|3
Labor Minister|GOV|MINISTER|3
Labour Minister|GOV|MINISTER|3
Unification Minister|GOV|MINISTER|2
Minister of Unification|GOV|MINISTER|2
Minister of State|GOV|MINISTER|3
Cabinet Secretary|GOV|STATE_OFFICIAL|3
Chief Cabinet Secretary|GOV|MINISTER|2
Chief of Staff|GOV|OFFICIAL|3
White House Chief of Staff|GOV|STATE_OFFICIAL|3
National Security Adviser|GOV|STATE_OFFICIAL|3
National Security Advisor|GOV|STATE_OFFICIAL|3
Director of National Intelligence|SPY|STATE_OFFICIAL|3
Director|GOV|OFFICIAL|4
Director-General|GOV|OFFICIAL|3
Director General|GOV|OFFICIAL|3
Managing Director|IGO|OFFICIAL|2
Deputy Director|GOV|OFFICIAL|4
Secretary|GOV|MINISTER|3
Undersecretary|GOV|STATE_OFFICIAL|4
Under Secretary|GOV|STATE_OFFICIAL|4
Deputy Minister|GOV|MINISTER|4
Vice Minister|GOV|MINISTER|4
Secretary-General|IGO|OFFICIAL|1
Secretary General|IGO|OFFICIAL|1
Deputy Secretary-General|IGO|OFFICIAL|3
UN Secretary-General|IGO|OFFICIAL|1
High Commissioner|IGO|OFFICIAL|2
High Representative|IGO|OFFICIAL|2
Commissioner|GOV|OFFICIAL|3
Special Rapporteur|IGO|OFFICIAL|4
Ambassador|GOV|DIPLOMAT|3
Ambassador-at-large|GOV|DIPLOMAT|3
Envoy|GOV|DIPLOMAT|3
Special Envoy|GOV|DIPLOMAT|3
Mediator|GOV|DIPLOMAT|3
mediator|GOV|DIPLOMAT|3
Peace Envoy|GOV|DIPLOMAT|3
Special Representative|GOV|DIPLOMAT|3
Chief Negotiator|GOV|DIPLOMAT|3
Nuclear Envoy|GOV|DIPLOMAT|3
Consul General|GOV|DIPLOMAT|4
Consul|GOV|DIPLOMAT|4
Charge d'Affaires|GOV|DIPLOMAT|4
Chargé d'Affaires|GOV|DIPLOMAT|4
Speaker|LEG|LEGISLATOR|2
Speaker of the House|LEG|LEGISLATOR|2
Majority Leader|LEG|LEGISLATOR|3
Minority Leader|LEG|LEGISLATOR|3
Senate Majority Leader|LEG|LEGISLATOR|3
Senator|LEG|LEGISLATOR|3
Sen.|LEG|LEGISLATOR|3
Representative|LEG|LEGISLATOR|4
Rep.|LEG|LEGISLATOR|4
Congressman|LEG|LEGISLATOR|4
Congresswoman|LEG|LEGISLATOR|4
Lawmaker|LEG|LEGISLATOR|4
lawmaker|LEG|LEGISLATOR|4
MP|LEG|LEGISLATOR|4
Member of Parliament|LEG|LEGISLATOR|4
Governor|GOV|STATE_OFFICIAL|3
Gov.|GOV|STATE_OFFICIAL|3
Mayor|GOV|OFFICIAL|4
Chief Justice|JUD|JUDICIAL|2
Justice|JUD|JUDICIAL|3
Judge|JUD|JUDICIAL|4
Prosecutor|JUD|JUDICIAL|4
Prosecutor General|JUD|JUDICIAL|3
Chief Prosecutor|JUD|JUDICIAL|3
General|MIL|MILITARY|3
Gen.|MIL|MILITARY|3
Lieutenant General|MIL|MILITARY|3
Lt. Gen.|MIL|MILITARY|3
Major General|MIL|MILITARY|3
Maj. Gen.|MIL|MILITARY|3
Brigadier General|MIL|MILITARY|4
Brig. Gen.|MIL|MILITARY|4
Field Marshal|MIL|MILITARY|2
Marshal|MIL|MILITARY|2
Senior General|MIL|MILITARY|2
Admiral|MIL|MILITARY|3
Adm.|MIL|MILITARY|3
Vice Admiral|MIL|MILITARY|3
Rear Admiral|MIL|MILITARY|4
Colonel|MIL|MILITARY|4
Col.|MIL|MILITARY|4
Lieutenant Colonel|MIL|MILITARY|4
Lt. Col.|MIL|MILITARY|4
Maj.|MIL|MILITARY|5
Captain|MIL|MILITARY|5
Capt.|MIL|MILITARY|5
Lieutenant|MIL|MILITARY|5
Lt.|MIL|MILITARY|5
Sergeant|MIL|MILITARY|5
Sgt.|MIL|MILITARY|5
Commander|MIL|MILITARY|3
Commander-in-Chief|MIL|MILITARY|2
Supreme Commander|MIL|MILITARY|2
Chief of General Staff|MIL|MILITARY|2
Chief of the General Staff|MIL|MILITARY|2
Chairman of the Joint Chiefs of Staff|MIL|MILITARY|2
Army Chief|MIL|MILITARY|2
Chief of Defence Staff|MIL|MILITARY|2
Police Chief|COP|OFFICIAL|3
Spokesman|GOV|OFFICIAL|5
Spokeswoman|GOV|OFFICIAL|5
Spokesperson|GOV|OFFICIAL|5
spokesman|GOV|OFFICIAL|5
spokeswoman|GOV|OFFICIAL|5
spokesperson|GOV|OFFICIAL|5
Press Secretary|GOV|STATE_OFFICIAL|5
official|GOV|OFFICIAL|5
Pope|REL|RELIGIOUS|1
Ayatollah|REL|RELIGIOUS|2
Grand Ayatollah|REL|RELIGIOUS|2
Cardinal|REL|RELIGIOUS|3
Archbishop|REL|RELIGIOUS|3
Patriarch|REL|RELIGIOUS|2
Dalai Lama|REL|RELIGIOUS|2
Grand Mufti|REL|RELIGIOUS|3
Imam|REL|RELIGIOUS|4
Rabbi|REL|RELIGIOUS|4
Bishop|REL|RELIGIOUS|4
Rev.|REL|RELIGIOUS|5
Reverend|REL|RELIGIOUS|5
Mullah|REL|RELIGIOUS|4
Sheikh al-Azhar|REL|RELIGIOUS|2
Governor-General|GOV|HEAD_OF_STATE|2
Governor General|GOV|HEAD_OF_STATE|2
Central Bank Governor|GOV|STATE_OFFICIAL|3
Chair|GOV|OFFICIAL|3
Chairwoman|GOV|OFFICIAL|3
Chairperson|GOV|OFFICIAL|3
Party Leader|PTY|OFFICIAL|2
Opposition Leader|OPP|OFFICIAL|2
Rebel Leader|REB|OFFICIAL|2
Commission President|IGO|OFFICIAL|1
Council President|IGO|OFFICIAL|1
"""


def build_titles():
    rows, seen = [], set()
    for line in CURATED_TITLES.strip().splitlines():
        title, sector, kind, rank = line.split("|")
        if title in seen:
            raise ValueError(f"duplicate title {title}")
        seen.add(title)
        if kind not in TITLE_KINDS or not (1 <= int(rank) <= 5):
            raise ValueError(f"bad title {line}")
        rows.append([title, sector, kind, rank])
    return rows

# name|aliases (;)|country|title|start|end|phoenix key
# start "P<year>": take start and end from the dated [XXXGOV a-b] range in
# Phoenix.Countries.actors.txt (or Phoenix.International.actors.txt) of the entry
# named by the last field whose range starts in <year>; used only where the
# Phoenix range was checked to be the office named in the title column.
# Dates: YYYY-MM-DD, or YYYY where the exact day is not certain.  Empty end = in
# office as of 2026 (to the best of general knowledge at the time of writing).
CURATED_LEADERS = """
Richard Nixon|Richard M. Nixon;Richard Milhous Nixon|USA|President|1969-01-20|1974-08-09|
Gerald Ford|Gerald R. Ford|USA|President|1974-08-09|1977-01-20|
Jimmy Carter|James Earl Carter;Jimmy Carter Jr.|USA|President|1977-01-20|1981-01-20|
Ronald Reagan|Ronald Wilson Reagan;Ronald W. Reagan|USA|President|1981-01-20|1989-01-20|
George H. W. Bush|George H.W. Bush;George Herbert Walker Bush;George Bush Sr.|USA|Vice President|1981-01-20|1989-01-20|
George H. W. Bush|George H.W. Bush;George Herbert Walker Bush;George Bush Sr.|USA|President|1989-01-20|1993-01-20|
Bill Clinton|William Jefferson Clinton|USA|President|P1993||BILL_CLINTON
George W. Bush|George Walker Bush;George W Bush|USA|President|P2001||GEORGE_W._BUSH
Barack Obama|Barack Hussein Obama|USA|President|2009-01-20|2017-01-20|
Donald Trump|Donald J. Trump;Donald John Trump|USA|President|2017-01-20|2021-01-20|
Joe Biden|Joseph R. Biden;Joseph Biden;Joseph R. Biden Jr.|USA|President|2021-01-20|2025-01-20|
Donald Trump|Donald J. Trump;Donald John Trump|USA|President|2025-01-20||
Joe Biden|Joseph R. Biden;Joseph Biden;Joseph R. Biden Jr.|USA|Vice President|2009-01-20|2017-01-20|
Mike Pence|Michael Pence;Michael R. Pence|USA|Vice President|2017-01-20|2021-01-20|
Kamala Harris|Kamala D. Harris|USA|Vice President|2021-01-20|2025-01-20|
JD Vance|J.D. Vance;James David Vance|USA|Vice President|2025-01-20||
Condoleezza Rice||USA|Secretary of State|P2005||CONDOLEEZZA_RICE
Hillary Clinton|Hillary Rodham Clinton|USA|Secretary of State|P2009||HILLARY_CLINTON
John Kerry|John F. Kerry|USA|Secretary of State|2013-02-01|2017-01-20|
Rex Tillerson|Rex W. Tillerson|USA|Secretary of State|2017-02-01|2018-03-31|
Mike Pompeo|Michael Pompeo;Michael R. Pompeo|USA|Secretary of State|2018-04-26|2021-01-20|
Antony Blinken|Antony J. Blinken;Tony Blinken|USA|Secretary of State|2021-01-26|2025-01-20|
Marco Rubio|Marco Antonio Rubio|USA|Secretary of State|2025-01-21||
Chuck Hagel|Charles Hagel|USA|Defense Secretary|2013-02-27|2015-02-17|
Ash Carter|Ashton Carter|USA|Defense Secretary|2015-02-17|2017-01-20|
Jim Mattis|James Mattis;James N. Mattis|USA|Defense Secretary|2017-01-20|2019-01-01|
Mark Esper|Mark T. Esper|USA|Defense Secretary|2019-07-23|2020-11-09|
Lloyd Austin|Lloyd J. Austin;Lloyd J. Austin III|USA|Defense Secretary|2021-01-22|2025-01-20|
Pete Hegseth|Peter Hegseth|USA|Defense Secretary|2025-01-25||
Kim Young-sam|Kim Young Sam|KOR|President|P1993||KIM_YOUNG_SAM
Kim Dae-jung|Kim Dae Jung|KOR|President|P1998||KIM_DAE_JUNG
Roh Moo-hyun|Roh Moo Hyun|KOR|President|P2003||ROH_MOO_HYUN
Lee Myung-bak|Lee Myung Bak|KOR|President|2008-02-25|2013-02-25|
Park Geun-hye|Park Geun Hye|KOR|President|2013-02-25|2017-03-10|
Moon Jae-in|Moon Jae In|KOR|President|2017-05-10|2022-05-10|
Yoon Suk-yeol|Yoon Suk Yeol;Yoon Seok-youl;Yoon Seok Youl|KOR|President|2022-05-10|2025-04-04|
Lee Jae-myung|Lee Jae Myung|KOR|President|2025-06-04||
Lee Nak-yon|Lee Nak-yeon;Lee Nak Yon|KOR|Prime Minister|2017-05-31|2020-01-14|
Chung Sye-kyun|Chung Sye Kyun|KOR|Prime Minister|2020-01-14|2021-04-16|
Kim Boo-kyum|Kim Boo Kyum|KOR|Prime Minister|2021-05-14|2022-05-11|
Han Duck-soo|Han Duck Soo|KOR|Prime Minister|2022-05-21|2025|
Kim Min-seok|Kim Min Seok|KOR|Prime Minister|2025||
Ban Ki-moon|Ban Ki Moon|KOR|Foreign Minister|2004|2006|
Yun Byung-se|Yun Byung Se|KOR|Foreign Minister|2013|2017|
Kang Kyung-wha|Kang Kyung Wha|KOR|Foreign Minister|2017-06-18|2021-02-08|
Chung Eui-yong|Chung Eui Yong|KOR|Foreign Minister|2021-02-09|2022-05-11|
Park Jin||KOR|Foreign Minister|2022-05-12|2024-01-10|
Cho Tae-yul|Cho Tae Yul|KOR|Foreign Minister|2024-01-10|2025|
Cho Hyun||KOR|Foreign Minister|2025||
Kim Il Sung|Kim Il-sung;Kim Il-Sung|PRK|President|P1972||KIM_IL_SUNG
Kim Jong Il|Kim Jong-il;Kim Jong-Il;Kim Jong Ill|PRK|Supreme Leader|1994-07-08|2011-12-17|
Kim Jong Un|Kim Jong-un;Kim Jong-Un;Kim Jung Un;Kim Jung-un|PRK|Supreme Leader|2011-12-17||
Pak Pong Ju|Pak Pong-ju;Park Pong-ju|PRK|Premier|2013|2019|
Kim Jae Ryong|Kim Jae-ryong|PRK|Premier|2019|2020|
Kim Tok Hun|Kim Tok-hun;Kim Dok-hun|PRK|Premier|2020|2023|
Pak Thae Song|Pak Thae-song|PRK|Premier|2023||
Ri Yong Ho|Ri Yong-ho;Lee Yong-ho|PRK|Foreign Minister|2016|2020|
Ri Son Gwon|Ri Son-gwon|PRK|Foreign Minister|2020|2022|
Choe Son Hui|Choe Son-hui;Choe Sun-hui|PRK|Foreign Minister|2022||
Jiang Zemin||CHN|President|P1993||JIANG_ZEMIN
Hu Jintao||CHN|President|2003-03-15|2013-03-14|
Xi Jinping||CHN|General Secretary|2012-11-15||
Xi Jinping||CHN|President|2013-03-14||
Wen Jiabao||CHN|Premier|2003-03-16|2013-03-15|
Li Keqiang||CHN|Premier|2013-03-15|2023-03-11|
Li Qiang||CHN|Premier|2023-03-11||
Li Zhaoxing||CHN|Foreign Minister|2003|2007|
Yang Jiechi||CHN|Foreign Minister|2007|2013|
Wang Yi||CHN|Foreign Minister|2013-03-16|2022-12-30|
Qin Gang||CHN|Foreign Minister|2022-12-30|2023-07-25|
Wang Yi||CHN|Foreign Minister|2023-07-25||
Boris Yeltsin|Boris Nikolayevich Yeltsin|RUS|President|1991-07-10|1999-12-31|
Vladimir Putin|Vladimir Vladimirovich Putin;Wladimir Putin|RUS|Prime Minister|P1999-08||VLADIMIR_PUTIN
Vladimir Putin|Vladimir Vladimirovich Putin;Wladimir Putin|RUS|President|P1999-12||VLADIMIR_PUTIN
Dmitry Medvedev|Dmitri Medvedev;Dmitry Anatolyevich Medvedev|RUS|President|2008-05-07|2012-05-07|
Vladimir Putin|Vladimir Vladimirovich Putin;Wladimir Putin|RUS|Prime Minister|2008-05-08|2012-05-07|
Vladimir Putin|Vladimir Vladimirovich Putin;Wladimir Putin|RUS|President|2012-05-07||
Dmitry Medvedev|Dmitri Medvedev;Dmitry Anatolyevich Medvedev|RUS|Prime Minister|2012-05-08|2020-01-16|
Mikhail Mishustin|Mikhail Vladimirovich Mishustin|RUS|Prime Minister|2020-01-16||
Igor Ivanov||RUS|Foreign Minister|1998|2004|
Sergei Lavrov|Sergey Lavrov;Sergei Viktorovich Lavrov|RUS|Foreign Minister|2004-03-09||
Junichiro Koizumi|Jun'ichiro Koizumi|JPN|Prime Minister|P2001||JUNICHIRO_KOIZUMI
Shinzo Abe|Shinzō Abe|JPN|Prime Minister|P2006||SHINZO_ABE
Yasuo Fukuda||JPN|Prime Minister|2007-09-26|2008-09-24|
Taro Aso|Tarō Asō|JPN|Prime Minister|2008-09-24|2009-09-16|
Yukio Hatoyama||JPN|Prime Minister|2009-09-16|2010-06-08|
Naoto Kan||JPN|Prime Minister|2010-06-08|2011-09-02|
Yoshihiko Noda||JPN|Prime Minister|2011-09-02|2012-12-26|
Shinzo Abe|Shinzō Abe|JPN|Prime Minister|2012-12-26|2020-09-16|
Yoshihide Suga||JPN|Prime Minister|2020-09-16|2021-10-04|
Fumio Kishida||JPN|Prime Minister|2021-10-04|2024-10-01|
Shigeru Ishiba||JPN|Prime Minister|2024-10-01|2025-10-21|
Sanae Takaichi||JPN|Prime Minister|2025-10-21||
Fumio Kishida||JPN|Foreign Minister|2012-12-26|2017-08-03|
Taro Kono|Tarō Kōno|JPN|Foreign Minister|2017-08-03|2019-09-11|
Toshimitsu Motegi||JPN|Foreign Minister|2019-09-11|2021-11-04|
Yoshimasa Hayashi||JPN|Foreign Minister|2021-11-10|2023-09-13|
Yoko Kamikawa|Yōko Kamikawa|JPN|Foreign Minister|2023-09-13|2024-10-01|
Takeshi Iwaya||JPN|Foreign Minister|2024-10-01|2025-10-21|
Toshimitsu Motegi||JPN|Foreign Minister|2025-10-21||
Margaret Thatcher||GBR|Prime Minister|P1979||MARGARET_THATCHER
John Major||GBR|Prime Minister|P1990||JOHN_MAJOR
Tony Blair|Anthony Blair|GBR|Prime Minister|P1997||TONY_BLAIR
Gordon Brown||GBR|Prime Minister|2007-06-27|2010-05-11|
David Cameron||GBR|Prime Minister|2010-05-11|2016-07-13|
Theresa May||GBR|Prime Minister|2016-07-13|2019-07-24|
Boris Johnson|Alexander Boris de Pfeffel Johnson|GBR|Prime Minister|2019-07-24|2022-09-06|
Liz Truss|Elizabeth Truss|GBR|Prime Minister|2022-09-06|2022-10-25|
Rishi Sunak||GBR|Prime Minister|2022-10-25|2024-07-05|
Keir Starmer||GBR|Prime Minister|2024-07-05||
William Hague||GBR|Foreign Secretary|2010-05-12|2014-07-14|
Philip Hammond||GBR|Foreign Secretary|2014-07-15|2016-07-13|
Boris Johnson|Alexander Boris de Pfeffel Johnson|GBR|Foreign Secretary|2016-07-13|2018-07-09|
Jeremy Hunt||GBR|Foreign Secretary|2018-07-09|2019-07-24|
Dominic Raab||GBR|Foreign Secretary|2019-07-24|2021-09-15|
Liz Truss|Elizabeth Truss|GBR|Foreign Secretary|2021-09-15|2022-09-06|
James Cleverly||GBR|Foreign Secretary|2022-09-06|2023-11-13|
David Cameron||GBR|Foreign Secretary|2023-11-13|2024-07-05|
David Lammy||GBR|Foreign Secretary|2024-07-05|2025-09-05|
Yvette Cooper||GBR|Foreign Secretary|2025-09-05||
Elizabeth II|Queen Elizabeth II;Queen Elizabeth|GBR|Queen|1952-02-06|2022-09-08|
Charles III|King Charles III;King Charles|GBR|King|2022-09-08||
Jacques Chirac||FRA|President|P1995||JACQUES_CHIRAC
Nicolas Sarkozy||FRA|President|2007-05-16|2012-05-15|
François Hollande|Francois Hollande|FRA|President|2012-05-15|2017-05-14|
Emmanuel Macron||FRA|President|2017-05-14||
Édouard Philippe|Edouard Philippe|FRA|Prime Minister|2017-05-15|2020-07-03|
Jean Castex||FRA|Prime Minister|2020-07-03|2022-05-16|
Élisabeth Borne|Elisabeth Borne|FRA|Prime Minister|2022-05-16|2024-01-09|
Gabriel Attal||FRA|Prime Minister|2024-01-09|2024-09-05|
Michel Barnier||FRA|Prime Minister|2024-09-05|2024-12-13|
François Bayrou|Francois Bayrou|FRA|Prime Minister|2024-12-13|2025-09-09|
Sébastien Lecornu|Sebastien Lecornu|FRA|Prime Minister|2025-09-09||
Laurent Fabius||FRA|Foreign Minister|2012-05-16|2016-02-11|
Jean-Marc Ayrault||FRA|Foreign Minister|2016-02-11|2017-05-17|
Jean-Yves Le Drian||FRA|Foreign Minister|2017-05-17|2022-05-20|
Catherine Colonna||FRA|Foreign Minister|2022-05-20|2024-01-11|
Stéphane Séjourné|Stephane Sejourne|FRA|Foreign Minister|2024-01-11|2024-09-21|
Jean-Noël Barrot|Jean-Noel Barrot|FRA|Foreign Minister|2024-09-21||
Helmut Kohl||DEU|Chancellor|P1982||HELMUT_KOHL
Gerhard Schröder|Gerhard Schroder;Gerhard Schroeder|DEU|Chancellor|P1998||GERHARD_SCHRODER
Angela Merkel|Angela Dorothea Merkel|DEU|Chancellor|2005-11-22|2021-12-08|
Olaf Scholz||DEU|Chancellor|2021-12-08|2025-05-06|
Friedrich Merz||DEU|Chancellor|2025-05-06||
Frank-Walter Steinmeier|Frank Walter Steinmeier|DEU|Foreign Minister|2005-11-22|2009-10-28|
Guido Westerwelle||DEU|Foreign Minister|2009-10-28|2013-12-17|
Frank-Walter Steinmeier|Frank Walter Steinmeier|DEU|Foreign Minister|2013-12-17|2017-01-27|
Sigmar Gabriel||DEU|Foreign Minister|2017-01-27|2018-03-14|
Heiko Maas||DEU|Foreign Minister|2018-03-14|2021-12-08|
Annalena Baerbock||DEU|Foreign Minister|2021-12-08|2025-05-06|
Johann Wadephul||DEU|Foreign Minister|2025-05-06||
Frank-Walter Steinmeier|Frank Walter Steinmeier|DEU|President|2017-03-19||
Manmohan Singh||IND|Prime Minister|2004-05-22|2014-05-26|
Narendra Modi|Narendra Damodardas Modi|IND|Prime Minister|2014-05-26||
Sushma Swaraj||IND|External Affairs Minister|2014-05-26|2019-05-30|
Subrahmanyam Jaishankar|S. Jaishankar;S Jaishankar|IND|External Affairs Minister|2019-05-30||
Ram Nath Kovind||IND|President|2017-07-25|2022-07-25|
Droupadi Murmu||IND|President|2022-07-25||
Recep Tayyip Erdogan|Recep Tayyip Erdoğan;Tayyip Erdogan;Tayyip Erdoğan|TUR|Prime Minister|2003-03-14|2014-08-28|
Recep Tayyip Erdogan|Recep Tayyip Erdoğan;Tayyip Erdogan;Tayyip Erdoğan|TUR|President|2014-08-28||
Ahmet Davutoglu|Ahmet Davutoğlu|TUR|Foreign Minister|2009-05-01|2014-08-29|
Ahmet Davutoglu|Ahmet Davutoğlu|TUR|Prime Minister|2014-08-28|2016-05-24|
Binali Yildirim|Binali Yıldırım|TUR|Prime Minister|2016-05-24|2018-07-09|
Mevlut Cavusoglu|Mevlüt Çavuşoğlu;Mevlut Çavuşoğlu|TUR|Foreign Minister|2014|2015|
Mevlut Cavusoglu|Mevlüt Çavuşoğlu;Mevlut Çavuşoğlu|TUR|Foreign Minister|2015|2023|
Hakan Fidan||TUR|Foreign Minister|2023-06-04||
Ali Khamenei|Ayatollah Ali Khamenei;Sayyid Ali Khamenei;Ali Hosseini Khamenei|IRN|Supreme Leader|1989-06-04||
Mohammad Khatami|Mohammad Khatami|IRN|President|P1997||MOHAMMAD_KHATAMI
Mahmoud Ahmadinejad||IRN|President|P2005||MAHMOUD_AHMADINEJAD
Hassan Rouhani|Hassan Rohani;Hasan Rouhani|IRN|President|2013-08-03|2021-08-03|
Ebrahim Raisi|Ebrahim Raeisi;Ibrahim Raisi|IRN|President|2021-08-03|2024-05-19|
Masoud Pezeshkian|Massoud Pezeshkian|IRN|President|2024-07-28||
Mohammad Javad Zarif|Javad Zarif|IRN|Foreign Minister|2013-08-15|2021-08-25|
Hossein Amir-Abdollahian|Hossein Amirabdollahian;Hossein Amir Abdollahian|IRN|Foreign Minister|2021-08-25|2024-05-19|
Abbas Araghchi|Abbas Araqchi|IRN|Foreign Minister|2024-08-21||
Ariel Sharon||ISR|Prime Minister|P2001||ARIEL_SHARON
Ehud Olmert||ISR|Prime Minister|P2006||EHUD_OLMERT
Benjamin Netanyahu|Bibi Netanyahu|ISR|Prime Minister|P1996||BENJAMIN_NETANYAHU
Benjamin Netanyahu|Bibi Netanyahu|ISR|Prime Minister|2009-03-31|2021-06-13|
Naftali Bennett||ISR|Prime Minister|2021-06-13|2022-06-30|
Yair Lapid||ISR|Prime Minister|2022-07-01|2022-12-29|
Benjamin Netanyahu|Bibi Netanyahu|ISR|Prime Minister|2022-12-29||
Yair Lapid||ISR|Foreign Minister|2021-06-13|2022-12-29|
Eli Cohen||ISR|Foreign Minister|2022-12-29|2024-01-01|
Israel Katz||ISR|Foreign Minister|2024-01-01|2024|
Gideon Sa'ar|Gideon Saar|ISR|Foreign Minister|2024||
Reuven Rivlin||ISR|President|2014-07-24|2021-07-07|
Isaac Herzog|Yitzhak Herzog|ISR|President|2021-07-07||
Viktor Yushchenko||UKR|President|2005-01-23|2010-02-25|
Viktor Yanukovych|Viktor Yanukovich|UKR|President|2010-02-25|2014-02-22|
Petro Poroshenko||UKR|President|2014-06-07|2019-05-20|
Volodymyr Zelensky|Volodymyr Zelenskyy;Volodymyr Zelenskiy;Volodymyr Zelenskyi;Vladimir Zelensky|UKR|President|2019-05-20||
Arseniy Yatsenyuk|Arseniy Yatseniuk|UKR|Prime Minister|2014-02-27|2016-04-14|
Volodymyr Groysman||UKR|Prime Minister|2016-04-14|2019-08-29|
Oleksiy Honcharuk||UKR|Prime Minister|2019-08-29|2020-03-04|
Denys Shmyhal||UKR|Prime Minister|2020-03-04|2025-07-17|
Yulia Svyrydenko||UKR|Prime Minister|2025-07-17||
Pavlo Klimkin||UKR|Foreign Minister|2014-06-19|2019-08-29|
Vadym Prystaiko||UKR|Foreign Minister|2019-08-29|2020-03-04|
Dmytro Kuleba|Dmitry Kuleba|UKR|Foreign Minister|2020-03-04|2024-09-05|
Andrii Sybiha|Andriy Sybiha|UKR|Foreign Minister|2024-09-05||
Hafez al-Assad|Hafez Assad;Hafez al-Asad|SYR|President|1971-03-14|2000-06-10|
Bashar al-Assad|Bashar Assad;Bashar al-Asad|SYR|President|2000-07-17|2024-12-08|
Ahmed al-Sharaa|Ahmad al-Sharaa;Ahmed al-Shara;Abu Mohammed al-Jolani;Abu Mohammad al-Julani;Abu Mohammed al-Golani|SYR|President|2025-01-29||
Walid Muallem|Walid al-Moualem;Walid al-Muallem|SYR|Foreign Minister|2006-02-11|2020-11-16|
Faisal Mekdad|Faisal al-Mekdad;Fayssal Mekdad|SYR|Foreign Minister|2020-11-22|2024-12-08|
Asaad al-Shaibani|Asaad Hassan al-Shaibani;Asaad al-Shibani|SYR|Foreign Minister|2024-12-21||
Abdullah bin Abdulaziz|King Abdullah bin Abdulaziz;Abdullah bin Abdulaziz Al Saud|SAU|King|2005-08-01|2015-01-23|
Salman bin Abdulaziz Al Saud|Salman bin Abdulaziz;King Salman;King Salman bin Abdulaziz|SAU|King|2015-01-23||
Mohammed bin Salman|Mohammad bin Salman;Muhammad bin Salman;MBS;Mohammed bin Salman Al Saud|SAU|Crown Prince|2017-06-21||
Mohammed bin Salman|Mohammad bin Salman;Muhammad bin Salman;MBS;Mohammed bin Salman Al Saud|SAU|Prime Minister|2022-09-27||
Saud al-Faisal|Saud Al Faisal|SAU|Foreign Minister|1975|2015-04-29|
Adel al-Jubeir|Adel Al-Jubeir|SAU|Foreign Minister|2015-04-29|2018-12-27|
Ibrahim al-Assaf||SAU|Foreign Minister|2018-12-27|2019-10-23|
Faisal bin Farhan|Faisal bin Farhan Al Saud|SAU|Foreign Minister|2019-10-23||
Silvio Berlusconi||ITA|Prime Minister|2001-06-11|2006-05-17|
Silvio Berlusconi||ITA|Prime Minister|2008-05-08|2011-11-16|
Mario Monti||ITA|Prime Minister|2011-11-16|2013-04-28|
Enrico Letta||ITA|Prime Minister|2013-04-28|2014-02-22|
Matteo Renzi||ITA|Prime Minister|2014-02-22|2016-12-12|
Paolo Gentiloni||ITA|Prime Minister|2016-12-12|2018-06-01|
Giuseppe Conte||ITA|Prime Minister|2018-06-01|2021-02-13|
Mario Draghi||ITA|Prime Minister|2021-02-13|2022-10-22|
Giorgia Meloni||ITA|Prime Minister|2022-10-22||
Paolo Gentiloni||ITA|Foreign Minister|2014-10-31|2016-12-12|
Luigi Di Maio||ITA|Foreign Minister|2019-09-05|2022-10-22|
Antonio Tajani||ITA|Foreign Minister|2022-10-22||
Sergio Mattarella||ITA|President|2015-02-03||
Andrej Plenković|Andrej Plenkovic|HRV|Prime Minister|2016-10-19||
Zoran Milanović|Zoran Milanovic|HRV|Prime Minister|2011-12-23|2016-01-22|
Zoran Milanović|Zoran Milanovic|HRV|President|2020-02-19||
Gordan Grlic Radman|Gordan Grlić Radman|HRV|Foreign Minister|2019-07-19||
Stephen Harper||CAN|Prime Minister|2006-02-06|2015-11-04|
Justin Trudeau||CAN|Prime Minister|2015-11-04|2025-03-14|
Mark Carney||CAN|Prime Minister|2025-03-14||
Chrystia Freeland||CAN|Foreign Minister|2017-01-10|2019-11-20|
François-Philippe Champagne|Francois-Philippe Champagne|CAN|Foreign Minister|2019-11-20|2021-01-12|
Marc Garneau||CAN|Foreign Minister|2021-01-12|2021-10-26|
Mélanie Joly|Melanie Joly|CAN|Foreign Minister|2021-10-26|2025-05-13|
Anita Anand||CAN|Foreign Minister|2025-05-13||
Kevin Rudd||AUS|Prime Minister|2007-12-03|2010-06-24|
Julia Gillard||AUS|Prime Minister|2010-06-24|2013-06-27|
Kevin Rudd||AUS|Prime Minister|2013-06-27|2013-09-18|
Tony Abbott||AUS|Prime Minister|2013-09-18|2015-09-15|
Malcolm Turnbull||AUS|Prime Minister|2015-09-15|2018-08-24|
Scott Morrison||AUS|Prime Minister|2018-08-24|2022-05-23|
Anthony Albanese||AUS|Prime Minister|2022-05-23||
Julie Bishop||AUS|Foreign Minister|2013-09-18|2018-08-28|
Marise Payne||AUS|Foreign Minister|2018-08-28|2022-05-23|
Penny Wong||AUS|Foreign Minister|2022-05-23||
Luiz Inácio Lula da Silva|Luiz Inacio Lula da Silva;Lula da Silva;Lula|BRA|President|2003-01-01|2011-01-01|
Dilma Rousseff||BRA|President|2011-01-01|2016-08-31|
Michel Temer||BRA|President|2016-08-31|2019-01-01|
Jair Bolsonaro|Jair Messias Bolsonaro|BRA|President|2019-01-01|2023-01-01|
Luiz Inácio Lula da Silva|Luiz Inacio Lula da Silva;Lula da Silva;Lula|BRA|President|2023-01-01||
Enrique Peña Nieto|Enrique Pena Nieto|MEX|President|2012-12-01|2018-11-30|
Andrés Manuel López Obrador|Andres Manuel Lopez Obrador;AMLO|MEX|President|2018-12-01|2024-10-01|
Claudia Sheinbaum|Claudia Sheinbaum Pardo|MEX|President|2024-10-01||
Cristina Fernández de Kirchner|Cristina Fernandez de Kirchner;Cristina Kirchner|ARG|President|2007-12-10|2015-12-10|
Mauricio Macri||ARG|President|2015-12-10|2019-12-10|
Alberto Fernández|Alberto Fernandez|ARG|President|2019-12-10|2023-12-10|
Javier Milei||ARG|President|2023-12-10||
Hugo Chávez|Hugo Chavez|VEN|President|P1999||HUGO_CHAVEZ
Hugo Chávez|Hugo Chavez|VEN|President|P2002||HUGO_CHAVEZ
Nicolás Maduro|Nicolas Maduro|VEN|President|2013-03-05||
Hosni Mubarak|Mohamed Hosni Mubarak|EGY|President|P1981-10-14||HOSNI_MUBARAK
Mohamed Morsi|Mohammed Morsi;Mohamed Mursi|EGY|President|2012-06-30|2013-07-03|
Abdel Fattah el-Sisi|Abdel Fattah al-Sisi;Abdel-Fattah el-Sissi;Abdel Fattah al-Sissi|EGY|President|2014-06-08||
Sameh Shoukry||EGY|Foreign Minister|2014-06-17|2024-07-03|
Badr Abdelatty|Badr Abdel Aty|EGY|Foreign Minister|2024-07-03||
Nawaz Sharif|Mian Muhammad Nawaz Sharif|PAK|Prime Minister|2013-06-05|2017-07-28|
Imran Khan|Imran Ahmed Khan Niazi|PAK|Prime Minister|2018-08-18|2022-04-10|
Shehbaz Sharif|Shahbaz Sharif|PAK|Prime Minister|2022-04-11|2023-08-14|
Shehbaz Sharif|Shahbaz Sharif|PAK|Prime Minister|2024-03-04||
Asif Ali Zardari||PAK|President|2008-09-09|2013-09-09|
Asif Ali Zardari||PAK|President|2024-03-10||
Shah Mahmood Qureshi|Shah Mehmood Qureshi|PAK|Foreign Minister|2018-08-20|2022-04-10|
Bilawal Bhutto Zardari||PAK|Foreign Minister|2022-04-27|2023-08-10|
Ishaq Dar||PAK|Foreign Minister|2024-03-11||
Hamid Karzai||AFG|President|2001-12-22|2014-09-29|
Ashraf Ghani|Mohammad Ashraf Ghani;Ashraf Ghani Ahmadzai|AFG|President|2014-09-29|2021-08-15|
Hibatullah Akhundzada|Haibatullah Akhundzada;Mawlawi Hibatullah Akhundzada|AFG|Supreme Leader|2021-08-15||
Amir Khan Muttaqi||AFG|Foreign Minister|2021-09-07||
Saddam Hussein||IRQ|President|P1979||SADDAM_HUSSEIN
Nouri al-Maliki|Nuri al-Maliki;Nouri Maliki|IRQ|Prime Minister|P2006||NURI_AL_MALIKI
Haider al-Abadi|Haidar al-Abadi|IRQ|Prime Minister|2014-09-08|2018-10-25|
Adil Abdul-Mahdi|Adel Abdul Mahdi|IRQ|Prime Minister|2018-10-25|2020-05-07|
Mustafa al-Kadhimi|Mustafa Kadhimi|IRQ|Prime Minister|2020-05-07|2022-10-27|
Mohammed Shia al-Sudani|Mohammed Shia' al-Sudani;Mohammed al-Sudani|IRQ|Prime Minister|2022-10-27||
Pedro Sánchez|Pedro Sanchez|ESP|Prime Minister|2018-06-02||
Felipe VI|King Felipe VI|ESP|King|2014-06-19||
Mark Rutte||NLD|Prime Minister|2010-10-14|2024-07-02|
Dick Schoof||NLD|Prime Minister|2024-07-02||
Donald Tusk||POL|Prime Minister|2007-11-16|2014-09-22|
Donald Tusk||POL|Prime Minister|2023-12-13||
Andrzej Duda||POL|President|2015-08-06|2025-08-06|
Karol Nawrocki||POL|President|2025-08-06||
Radosław Sikorski|Radoslaw Sikorski|POL|Foreign Minister|2007-11-16|2014-09-22|
Radosław Sikorski|Radoslaw Sikorski|POL|Foreign Minister|2023-12-13||
Viktor Orbán|Viktor Orban|HUN|Prime Minister|1998-07-06|2002-05-27|
Viktor Orbán|Viktor Orban|HUN|Prime Minister|2010-05-29||
Alexander Lukashenko|Aleksandr Lukashenko;Alyaksandr Lukashenka;Alexander Lukashenka|BLR|President|1994-07-20||
Nursultan Nazarbayev|Nursultan Nazarbaev|KAZ|President|1990-04-24|2019-03-20|
Kassym-Jomart Tokayev|Kassym Jomart Tokayev;Qasym-Jomart Toqayev|KAZ|President|2019-03-20||
Lee Hsien Loong||SGP|Prime Minister|2004-08-12|2024-05-15|
Lawrence Wong||SGP|Prime Minister|2024-05-15||
Joko Widodo|Jokowi|IDN|President|2014-10-20|2024-10-20|
Prabowo Subianto||IDN|President|2024-10-20||
Rodrigo Duterte|Rodrigo Roa Duterte|PHL|President|2016-06-30|2022-06-30|
Ferdinand Marcos Jr.|Ferdinand Marcos Jr;Bongbong Marcos;Ferdinand R. Marcos Jr.|PHL|President|2022-06-30||
Ma Ying-jeou|Ma Ying-Jeou;Ma Ying Jeou|TWN|President|2008-05-20|2016-05-20|
Tsai Ing-wen|Tsai Ing-Wen;Tsai Ing Wen|TWN|President|2016-05-20|2024-05-20|
Lai Ching-te|Lai Ching-Te;William Lai;William Lai Ching-te|TWN|President|2024-05-20||
Nelson Mandela|Nelson Rolihlahla Mandela;Madiba|ZAF|President|1994-05-10|1999-06-14|
Thabo Mbeki|Thabo Mvuyelwa Mbeki|ZAF|President|1999-06-14|2008-09-24|
Kgalema Motlanthe||ZAF|President|2008-09-25|2009-05-09|
Jacob Zuma|Jacob Gedleyihlekisa Zuma|ZAF|President|2009-05-09|2018-02-14|
Cyril Ramaphosa|Matamela Cyril Ramaphosa|ZAF|President|2018-02-15||
Muhammadu Buhari||NGA|President|2015-05-29|2023-05-29|
Bola Tinubu|Bola Ahmed Tinubu|NGA|President|2023-05-29||
Abiy Ahmed|Abiy Ahmed Ali|ETH|Prime Minister|2018-04-02||
Uhuru Kenyatta||KEN|President|2013-04-09|2022-09-13|
William Ruto|William Samoei Ruto|KEN|President|2022-09-13||
Tamim bin Hamad Al Thani|Sheikh Tamim bin Hamad Al Thani;Tamim bin Hamad al-Thani|QAT|Emir|2013-06-25||
Mohamed bin Zayed Al Nahyan|Mohamed bin Zayed;Mohammed bin Zayed;MBZ;Sheikh Mohamed bin Zayed|ARE|President|2022-05-14||
Abdullah II|King Abdullah II;Abdullah II of Jordan;Abdullah II bin Al-Hussein|JOR|King|1999-02-07||
Mahmoud Abbas|Abu Mazen|PSE|President|2005-01-15||
Aung San Suu Kyi|Daw Aung San Suu Kyi|MMR|State Counsellor|2016-04-06|2021-02-01|
Min Aung Hlaing|Senior General Min Aung Hlaing|MMR|Commander-in-Chief|2011-03-30||
Pope Benedict XVI|Benedict XVI;Joseph Ratzinger|VAT|Pope|2005-04-19|2013-02-28|
Pope Francis|Jorge Mario Bergoglio|VAT|Pope|2013-03-13|2025-04-21|
Pope Leo XIV|Robert Francis Prevost;Robert Prevost|VAT|Pope|2025-05-08||
Kofi Annan|Kofi Atta Annan|IGO|Secretary-General|1997-01-01|2006-12-31|
Ban Ki-moon|Ban Ki Moon|IGO|Secretary-General|2007-01-01|2016-12-31|
António Guterres|Antonio Guterres|IGO|Secretary-General|2017-01-01||
António Guterres|Antonio Guterres|PRT|Prime Minister|1995-10-28|2002-04-06|
Anders Fogh Rasmussen||IGO|Secretary General|2009-08-01|2014-10-01|
Jens Stoltenberg||IGO|Secretary General|2014-10-01|2024-10-01|
Mark Rutte||IGO|Secretary General|2024-10-01||
Jean-Claude Juncker||IGO|Commission President|2014-11-01|2019-11-30|
Ursula von der Leyen||IGO|Commission President|2019-12-01||
Charles Michel||IGO|Council President|2019-12-01|2024-11-30|
António Costa|Antonio Costa|IGO|Council President|2024-12-01||
Josep Borrell|Josep Borrell Fontelles|IGO|High Representative|2019-12-01|2024-11-30|
Kaja Kallas||IGO|High Representative|2024-12-01||
Tedros Adhanom Ghebreyesus|Tedros Adhanom;Tedros Ghebreyesus|IGO|Director-General|2017-07-01||
Yukiya Amano||IGO|Director-General|2009-12-01|2019-07-18|
Rafael Grossi|Rafael Mariano Grossi|IGO|Director-General|2019-12-03||
Christine Lagarde||IGO|Managing Director|2011-07-05|2019-09-12|
Kristalina Georgieva||IGO|Managing Director|2019-10-01||
Christine Lagarde||IGO|President|2019-11-01||
Mario Draghi||IGO|President|2011-11-01|2019-10-31|
"""

DATE_RE = re.compile(r"^\d{4}(-\d{2}-\d{2})?$")


def phoenix_gov_ranges(blocks_by_key, pkey: str, country: str):
    out = []
    for b in blocks_by_key.get(pkey, []):
        for c in b["codes"]:
            parts = c.split()
            if len(parts) != 2:
                continue
            code, rng = parts
            if code != f"{country}GOV" and not (country == "IGO" and code.startswith("IGO")):
                continue
            m = re.fullmatch(r"(\d{6}|\d{8})-(\d{6}|\d{8})", rng)
            if m:
                out.append((parse_tabari_date(m.group(1)), parse_tabari_date(m.group(2))))
    return out


def build_leaders(phoenix: Path, country_codes: set, titles: set):
    blocks_by_key = {}
    for fname in ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt"):
        for b in parse_tabari(phoenix / fname):
            blocks_by_key.setdefault(b["name"].strip("_ "), []).append(b)
    rows = []
    for line in CURATED_LEADERS.strip().splitlines():
        f = line.split("|")
        if len(f) != 7:
            raise ValueError(f"bad leader line: {line}")
        name, aliases, country, title, start, end, pkey = f
        if start.startswith("P"):
            prefix = start[1:]
            rngs = [r for r in phoenix_gov_ranges(blocks_by_key, pkey, country) if r[0].startswith(prefix)]
            if len(rngs) != 1:
                raise ValueError(f"{name}: Phoenix {pkey} has {len(rngs)} {country}GOV ranges starting {prefix}")
            start, p_end = rngs[0]
            end = end or p_end
        for d in (start, end):
            if d and not DATE_RE.match(d):
                raise ValueError(f"{name}: bad date {d}")
        if end and end[:4] < start[:4]:
            raise ValueError(f"{name}: end before start")
        if country not in country_codes and country != "IGO":
            raise ValueError(f"{name}: unknown country {country}")
        if title not in titles:
            raise ValueError(f"{name}: title {title} not in titles.tsv")
        al = [a for a in with_folded(split_list(aliases) + ([fold(name)] if fold(name) != name else [])) if a != name]
        rows.append([name, al, country, title, start, end])
    return rows


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--phoenix", type=Path, default=DEFAULT_PHOENIX, help="Phoenix dictionaries directory")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output directory (default kg/data)")
    args = ap.parse_args(argv)
    if not (args.phoenix / "Phoenix.agents.txt").exists():
        print(f"Phoenix dictionaries not found in {args.phoenix}", file=sys.stderr)
        return 2
    out = args.out
    out.mkdir(parents=True, exist_ok=True)
    see = "See gazetteer.md. Generated by scripts/derive_gazetteer.py: edit the script, not this file."

    countries = build_countries()
    write_tsv(out / "countries.tsv", [
        "irkg countries: ISO 3166-1 alpha-3 code, label, aliases, demonyms, metonyms (capitals, seats of power),",
        "aliases flagged as ambiguous. Codes and official names from pycountry (LGPL, used as facts only);",
        "Kosovo uses the user-assigned code XKX. Other names hand-curated. " + see,
    ], ["code", "label", "aliases", "demonyms", "metonyms", "ambiguous"], countries)

    orgs = build_organizations(args.phoenix, countries)
    write_tsv(out / "organizations.tsv", [
        "irkg organizations: IGOs, government bodies, militaries, armed groups, media, NGOs, parties, companies.",
        "Hand-curated rows first; then rows derived from " + PHOENIX_NOTICE + ",",
        "Phoenix.International.actors.txt (IGO/NGO) and Phoenix.MilNonState.actors.txt (armed groups). " + see,
    ], ["id", "label", "aliases", "kind", "country", "sector", "parent"], orgs)

    agents = build_agents(args.phoenix)
    write_tsv(out / "agents.tsv", [
        "irkg agents: common nouns for kinds of actors (lower case, singular) with CAMEO sector and kind.",
        "Derived from Phoenix.agents.txt, " + PHOENIX_NOTICE + ",",
        "curated and extended by hand. " + see,
    ], ["noun", "sector", "kind", "plural"], agents)

    titles = build_titles()
    write_tsv(out / "titles.tsv", [
        "irkg titles of office preceding or following a person's name; rank 1 (head of state) .. 5 (spokesman).",
        "Hand-curated. " + see,
    ], ["title", "sector", "kind", "rank"], titles)

    leaders = build_leaders(args.phoenix, {r[0] for r in countries}, {r[0] for r in titles})
    write_tsv(out / "leaders.tsv", [
        "irkg office holders: heads of state and government, foreign ministers, some IGO heads, with dated terms.",
        "Hand-curated from general knowledge; some pre-2014 dates taken from Phoenix.Countries.actors.txt,",
        PHOENIX_NOTICE + ". Empty end = in office as of 2026. " + see,
    ], ["name", "aliases", "country", "title", "start", "end"], leaders)

    for name, rows in (("countries", countries), ("organizations", orgs), ("agents", agents),
                       ("titles", titles), ("leaders", leaders)):
        print(f"{name}.tsv: {len(rows)} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
