"""Small built-in word lists: places, organisation cues, titles and speech words.

They describe how English news text names people, institutions and places in general; none of
them is tuned to a particular article.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable


def any_of(words: Iterable[str]) -> re.Pattern[str]:
    """A pattern whose ``search`` says whether a text holds one of ``words`` (as text, not only
    as a whole word); where it finds one is not meant to be read.

    Most sentences hold none of a list's words: one search of the sentence costs a fraction of
    looking for each word in turn. The words are laid out as a tree of their letters ("Jan",
    "Jul", "Jun" as "J(?:an|u(?:l|n))"), so each position of the text tries only the words
    that begin with its letter.
    """
    return re.compile(_letter_tree(sorted(set(words))))


def _letter_tree(words: list[str]) -> str:
    """One alternation of sorted ``words``, sharing their first letters."""
    if "" in words:
        return ""  # a word ends here: the text holds it already
    branches = []
    for letter, group in itertools.groupby(words, key=lambda word: word[0]):
        rest = _letter_tree([word[1:] for word in group])
        branches.append(re.escape(letter) + (f"(?:{rest})" if "|" in rest else rest))
    return "|".join(branches)


def _words(text: str) -> frozenset[str]:
    return frozenset(part.strip() for part in text.split("|") if part.strip())


COUNTRIES = _words(
    "Afghanistan|Albania|Algeria|Andorra|Angola|Argentina|Armenia|Australia|Austria|Azerbaijan|"
    "Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|Bosnia|"
    "Botswana|Brazil|Brunei|Bulgaria|Burkina Faso|Burundi|Cambodia|Cameroon|Canada|Chad|Chile|"
    "China|Colombia|Comoros|Congo|Costa Rica|Croatia|Cuba|Cyprus|Czech Republic|Czechia|Denmark|"
    "Djibouti|Dominica|Dominican Republic|Ecuador|Egypt|El Salvador|Eritrea|Estonia|Eswatini|"
    "Ethiopia|Fiji|Finland|France|Gabon|Gambia|Georgia|Germany|Ghana|Greece|Grenada|Guatemala|"
    "Guinea|Guyana|Haiti|Honduras|Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|"
    "Ivory Coast|Jamaica|Japan|Jordan|Kazakhstan|Kenya|Kiribati|Kosovo|Kuwait|Kyrgyzstan|Laos|"
    "Latvia|Lebanon|Lesotho|Liberia|Libya|Liechtenstein|Lithuania|Luxembourg|Madagascar|Malawi|"
    "Malaysia|Maldives|Mali|Malta|Mauritania|Mauritius|Mexico|Moldova|Monaco|Mongolia|Montenegro|"
    "Morocco|Mozambique|Myanmar|Namibia|Nauru|Nepal|Netherlands|New Zealand|Nicaragua|Niger|"
    "Nigeria|North Korea|North Macedonia|Norway|Oman|Pakistan|Palau|Palestine|Panama|"
    "Papua New Guinea|Paraguay|Peru|Philippines|Poland|Portugal|Qatar|Romania|Russia|Rwanda|"
    "Samoa|San Marino|Saudi Arabia|Senegal|Serbia|Seychelles|Sierra Leone|Singapore|Slovakia|"
    "Slovenia|Somalia|South Africa|South Korea|South Sudan|Spain|Sri Lanka|Sudan|Suriname|Sweden|"
    "Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand|Togo|Tonga|Tunisia|Turkey|Turkiye|"
    "Turkmenistan|Tuvalu|Uganda|Ukraine|United Arab Emirates|United Kingdom|United States|"
    "United States of America|Uruguay|Uzbekistan|Vanuatu|Vatican|Venezuela|Vietnam|Yemen|Zambia|"
    "Zimbabwe|America|Britain|Great Britain|England|Scotland|Wales|Northern Ireland|"
    "U.S.|US|USA|U.S.A.|UK|U.K.|UAE|Hong Kong|Gaza|West Bank|Crimea|Greenland|Puerto Rico"
)
US_STATES = _words(
    "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Hawaii|"
    "Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|"
    "Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|"
    "New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|"
    "South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|"
    "Wisconsin|Wyoming"
)
CITIES = _words(
    "Abu Dhabi|Abuja|Accra|Addis Ababa|Algiers|Amman|Amsterdam|Ankara|Athens|Atlanta|Baghdad|Baku|"
    "Bangkok|Barcelona|Beijing|Beirut|Belgrade|Berlin|Bern|Bogota|Boston|Brasilia|Bratislava|"
    "Brussels|Bucharest|Budapest|Buenos Aires|Cairo|Canberra|Cape Town|Caracas|Chicago|"
    "Copenhagen|Dakar|Dallas|Damascus|Delhi|Detroit|Dhaka|Doha|Dubai|Dublin|Edinburgh|Geneva|"
    "Hanoi|Havana|Helsinki|Houston|Islamabad|Istanbul|Jakarta|Jerusalem|Johannesburg|Kabul|"
    "Kampala|Karachi|Kathmandu|Khartoum|Kyiv|Kiev|Kinshasa|Kuala Lumpur|Lagos|Lima|Lisbon|"
    "Ljubljana|London|Los Angeles|Luanda|Madrid|Managua|Manila|Melbourne|Mexico City|Miami|Milan|"
    "Minsk|Mogadishu|Montreal|Moscow|Mumbai|Munich|Nairobi|New Delhi|Nicosia|Oslo|Ottawa|Paris|"
    "Philadelphia|Phnom Penh|Prague|Pretoria|Pyongyang|Quito|Rabat|Reykjavik|Riga|Rio de Janeiro|"
    "Riyadh|Rome|San Francisco|Santiago|Sao Paulo|Sarajevo|Seattle|Seoul|Shanghai|Singapore|Sofia|"
    "Stockholm|Sydney|Taipei|Tallinn|Tashkent|Tbilisi|Tehran|Tel Aviv|Tokyo|Toronto|Tripoli|Tunis|"
    "Ulaanbaatar|Vancouver|Vienna|Vilnius|Warsaw|Washington, D.C.|Wellington|Yerevan|Zagreb|Zurich"
)
REGIONS = _words(
    "Africa|Asia|Europe|North America|South America|Latin America|Middle East|Antarctica|Arctic|"
    "Balkans|Caribbean|Pacific|Atlantic|Mediterranean|Scandinavia|Siberia|Sahel|Gulf"
)
PLACES = COUNTRIES | US_STATES | CITIES | REGIONS
# Words that make a capitalised name a place ("Gaza City", "Harlan County", "Port Amsel").
PLACE_CUES = _words(
    "City|County|Province|Town|Village|District|Region|Valley|Township|Borough|Parish|Heights|"
    "Springs|Beach|Harbour|Harbor|Bay|Coast|Peninsula|Oblast|Prefecture|Canton|Shire"
)
PLACE_LEADS = _words("Port|Fort|Mount|Cape|Lake|San|Santa|Saint|St.")

# Words that mark a capitalised chunk as an institution ("the ... Agency", "... Party").
ORGANISATION_CUES = _words(
    "Agency|Administration|Department|Ministry|Union|Council|Commission|Committee|Office|Bureau|"
    "Institute|Institution|University|College|School|Academy|Bank|Fund|Organization|Organisation|"
    "Association|Federation|Foundation|Society|Party|Corporation|Corp|Inc|Ltd|LLC|Company|Co|"
    "Group|Authority|Board|Service|Services|Force|Forces|Army|Navy|Guard|Police|Court|Senate|"
    "Congress|Parliament|Assembly|Government|Cabinet|Center|Centre|Centers|Centres|Network|Times|"
    "Post|News|Journal|Herald|Tribune|Gazette|Telegraph|Guardian|Press|Review|Magazine|Monitor|"
    "Reuters|Bloomberg|Airlines|Motors|Industries|Systems|Technologies|Labs|Laboratory|"
    "Hospital|Clinic|Coalition|Alliance|League|Movement|Front|Church|Club|Team|League|Trust|"
    "Partners|Holdings|Capital|Media|Broadcasting|Pentagon|Kremlin|Congress|Treasury|"
    "Commonwealth|Secretariat|Directorate|Inspectorate|Observatory|Tribunal|Chamber|Exchange|"
    "Airways|Telecom|Energy|Power|Foods|Pharmaceuticals|Pharma|Therapeutics|Robotics|Ventures|"
    "Markets|Ratings|Brands|Mining|Resources|Logistics|Software|Solutions|Insurance|Securities|"
    "Investments|Utilities|Railways|Shipping|Steel|Chemicals|Petroleum|Biotech|Analytics"
)
# Institutions usually named without a cue word.
KNOWN_ORGANISATIONS = _words(
    "Pentagon|Kremlin|White House|Downing Street|Congress|Senate|Parliament|Supreme Court|"
    "Reuters|Bloomberg|Xinhua|Interfax|Facebook|Google|Apple|Amazon|Microsoft|Twitter|Tesla|"
    "Meta|OpenAI|Pfizer|Moderna|Boeing|Airbus|Gazprom|Huawei|Samsung|Toyota|Walmart|Hamas|"
    "Hezbollah|Taliban|Nato|Eurostat|Interpol|Europol|Frontex|Medicare|Medicaid"
)
# Named things that are neither people nor organisations ("Space Station", "... Treaty").
THING_CUES = _words(
    "Treaty|Act|Bill|Law|Accord|Accords|Agreement|Convention|Protocol|Summit|Conference|Plan|"
    "Program|Programme|Initiative|Station|Street|Avenue|Road|Bridge|Airport|Square|Park|River|"
    "Mountain|Mountains|Lake|Sea|Ocean|Island|Islands|War|Day|Prize|Award|Olympics|Cup|Games|"
    "Index|Report|Strategy|Doctrine|Budget|Mission|Project|Operation|Rule|Code|Pandemic|Virus|"
    "Disease|Syndrome|Vaccine|Hurricane|Storm|Lane|Drive|Boulevard|Crescent|Terrace|Highway|"
    "Motorway|Quay|Wharf|Monday|Tuesday|Wednesday|Thursday|Friday|"
    "Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|"
    "November|December|Christmas|Easter|Ramadan"
)
# Local and state offices, as US and UK local news writes them before a name ("Councilmember
# Raymond Tse"). Words that are also common first names or surnames ("Dean") are left out.
LOCAL_OFFICES = _words(
    "Councilmember|Councilor|Councilperson|Assemblymember|Assemblyman|Assemblywoman|Alderman|"
    "Alderwoman|Alderperson|Supervisor|Trustee|Selectman|Selectwoman|Delegate|Comptroller|"
    "Treasurer|Clerk|Provost|Rev.|Reverend|Magistrate"
)
# Titles that introduce a person ("Russian Foreign Minister Sergey Lavrov").
TITLE_HEADS = LOCAL_OFFICES | _words(
    "President|Vice-President|Vice|Prime|Premier|Minister|Secretary|Senator|Sen.|Representative|"
    "Rep.|Congressman|Congresswoman|Governor|Gov.|Mayor|Chancellor|King|Queen|Prince|Princess|"
    "Pope|Ambassador|Envoy|General|Gen.|Admiral|Colonel|Col.|Lieutenant|Lt.|Captain|Capt.|Major|"
    "Sergeant|Commander|Chief|Director|Chairman|Chairwoman|Chair|Chairperson|CEO|CFO|COO|"
    "Founder|Spokesman|Spokeswoman|Spokesperson|Spokesperson|Dr.|Dr|Doctor|Professor|Prof.|"
    "Mr.|Mrs.|Ms.|Mr|Mrs|Ms|Judge|Justice|Attorney|Commissioner|Inspector|Superintendent|"
    "Sheriff|Officer|Deputy|Speaker|Leader|Head|Economist|Analyst|Adviser|Advisor|Aide|"
    "Councillor|Councilman|Councilwoman|Lawmaker|Legislator|MP|MEP|Sir|Dame|Lord|Lady|Bishop|"
    "Archbishop|Cardinal|Rabbi|Imam|Sheikh|Emir|Sultan|Coach|Manager|Editor|Correspondent|"
    "Reporter|Author|Researcher|Scientist|Astronaut|Acting|Former|Foreign|Defense|Affairs|"
    "Defence|Interior|Finance|Health|Justice|Energy|Education|Trade|State|Deputy|Assistant|"
    "Senior|Junior|Executive|Managing|General|Attorney|Security|Homeland|Commerce|Labor|Human|"
    "Services|Transportation|Veterans|Agriculture|Housing|Economy|Economic|Public|National|"
    "Federal|Central|European|Home|Environment|Treasury|Internal|External|Trade|Surgeon|"
    "Detective|Cllr|Constable|Presenter|Anchor"
)
# The words among TITLE_HEADS that name the role itself (others only qualify it).
ROLE_WORDS = LOCAL_OFFICES | _words(
    "President|Vice-President|Premier|Minister|Secretary|Senator|Sen.|Representative|Rep.|"
    "Congressman|Congresswoman|Governor|Gov.|Mayor|Chancellor|King|Queen|Prince|Princess|Pope|"
    "Ambassador|Envoy|General|Gen.|Admiral|Colonel|Col.|Lieutenant|Lt.|Captain|Capt.|Sergeant|"
    "Commander|Chief|Director|Chairman|Chairwoman|Chair|Chairperson|CEO|CFO|COO|Founder|"
    "Spokesman|Spokeswoman|Spokesperson|Dr.|Dr|Doctor|Professor|Prof.|Mr.|Mrs.|Ms.|Mr|Mrs|Ms|"
    "Judge|Justice|Attorney|Commissioner|Inspector|Superintendent|Sheriff|Officer|Speaker|Leader|"
    "Head|Economist|Analyst|Adviser|Advisor|Aide|Councillor|Councilman|Councilwoman|Lawmaker|"
    "Legislator|MP|MEP|Sir|Dame|Lord|Lady|Bishop|Archbishop|Cardinal|Rabbi|Imam|Sheikh|Emir|"
    "Sultan|Coach|Manager|Editor|Correspondent|Reporter|Author|Researcher|Scientist|Astronaut|"
    "Executive|Officer|Detective|Cllr|Constable|Presenter|Anchor"
)
# Plural nouns for groups of unnamed speakers ("U.S. officials", "experts").
GROUP_NOUNS = _words(
    "officials|experts|scientists|analysts|researchers|economists|doctors|authorities|sources|"
    "investigators|prosecutors|lawmakers|legislators|diplomats|officers|leaders|critics|"
    "activists|residents|witnesses|observers|spokespeople|executives|regulators|ministers|"
    "officials'|agencies|negotiators|militants|rebels|protesters|unions|economists|epidemiologists|"
    # People who speak together in news as the ones affected or involved ("Residents say").
    "organisers|organizers|campaigners|farmers|parents|teachers|workers|nurses|traders|investors|"
    "shoppers|users|customers|voters|members|supporters|opponents|advocates|academics|locals|"
    "villagers|families|students|landlords|tenants|employers|employees|drivers|patients|fans|"
    "rescuers|volunteers|staff|consumers|businesses|retailers|airlines|banks|firms|groups|"
    "providers|operators|companies|producers|manufacturers|developers|lenders|insurers|charities"
)
# Lower-case nouns that name one person by their role ("the ministry's spokesperson said",
# "a detective testified", "said transit manager ...").
PERSON_NOUNS = _words(
    "spokesperson|spokeswoman|spokesman|director|chief|executive|minister|president|chair|"
    "chairman|chairwoman|manager|official|officer|detective|inspector|examiner|coroner|"
    "prosecutor|lawyer|attorney|witness|judge|economist|analyst|researcher|scientist|professor|"
    "doctor|presenter|host|mayor|governor|commissioner|superintendent|treasurer|secretary|"
    "adviser|advisor|aide|head|leader|founder|owner|councillor|councilor|lawmaker|senator|"
    "representative|deputy|engineer|principal|coach|captain|pilot|nurse|surgeon|statistician|"
    "chancellor|ambassador|envoy|general|commander|sheriff|auditor|ombudsman|regulator|"
    "member|candidate|challenger|incumbent|opponent|author|editor|correspondent|astronomer|"
    "physician|epidemiologist|strategist|forecaster|meteorologist|historian|agent|broker"
)
# Lower-case nouns that name an institution ("the ministry said", "the company said").
ORGANISATION_NOUNS = _words(
    "ministry|agency|department|office|company|firm|bank|group|board|council|committee|"
    "commission|authority|government|newspaper|daily|weekly|site|broadcaster|university|"
    "airline|carrier|operator|force|police|court|union|party|charity|organisation|organization|"
    "institute|service|network|platform|lender|insurer|utility|hospital|campaign|administration|"
    "association|foundation|watchdog|monitor|panel|team|club|league|embassy|military|army|navy|"
    "regulator|outlet|publication|magazine|channel|broadcaster|exchange|bureau|inspectorate|"
    "tribunal|observatory|laboratory|lab|center|centre|school|district|city|county|state|"
    "province|region|municipality|trust|fund|coalition|alliance|consortium|companies|"
    "federation|society|corporation|studio|retailer|supermarket|chain|manufacturer|maker|"
    "producer|developer|startup|publisher|church|coastguard|auditors|auditor"
)
# Nouns for records and publications that speak for their authors ("figures show").
EVIDENCE_NOUNS = _words(
    "data|figures|statistics|stats|records|record|results|report|reports|survey|poll|polls|polling|"
    "study|paper|census|filing|filings|documents|document|analysis|estimate|estimates|"
    "release|statement|dashboard|database|website|review|audit|research|numbers|tally|count|"
    "projections|minutes|transcript|ruling|judgment|assessment|series|indicators|index|"
    "investigation|inquiry|probe|count|log|logs|register|registry|accounts|budget|model|"
    "tracker|trial|testimony|letter|memo|complaint|indictment|lawsuit|affidavit|posts|post|"
    "prospectus|notice|evaluation|response|decree|footage|newsletter|bulletin|order|submission|"
    "studies|surveys|reviews|audits|analyses|investigations"
)
# Verbs through which records and studies speak ("the data show", "the survey found").
EVIDENCE_VERBS = _words(
    "show|shows|showed|shown|found|finds|find|indicate|indicates|indicated|revealed|reveals|"
    "suggest|suggests|suggested|estimated|put|puts|recorded|counted|confirm|confirms|lists|"
    "listed|measured|credits|credited|says|said|saw|sees"
)
# Verbs that attribute a statement to its subject.
SPEECH_VERBS = _words(
    "said|says|say|told|tells|claimed|claims|claim|argued|argues|argue|warned|warns|warn|noted|"
    "notes|explained|explains|reported|reports|stated|added|adds|announced|announces|"
    "insisted|insists|asserted|asserts|wrote|writes|tweeted|tweets|posted|cautioned|cautions|"
    "acknowledged|acknowledges|admitted|admits|alleged|alleges|estimated|estimates|predicted|"
    "predicts|suggested|suggests|denied|denies|confirmed|confirms|stressed|stresses|emphasised|"
    "emphasized|testified|contended|contends|maintained|maintains|declared|declares|revealed|"
    "reveals|concluded|concludes|believes|believed|thinks|"
    "blamed|blames|accused|accuses|cited|cites|criticised|criticized|expressed|"
    "expresses|responded|replied|observed|pointed|promised|promises|pledged|vowed|boasted|"
    "complained|recalled|projected|forecast|forecasts|indicated|indicates|asked|asks|urged|"
    "conceded|concedes|agreed|agrees|disputed|disputes|posited|posits|branded|brands|"
    "countered|counters|corrected|corrects|attributed|attributes|testifies|"
    "disclosed|discloses|conceded|reiterated|reiterates|clarified|specified|detailed|"
    "highlighted|underlined|underscored|signalled|signaled|quipped|retorted|protested|"
    "objected|calculated|figured|reckoned|reckons|told|explained|described|describes|"
    "characterised|characterized|called|calls|labelled|labeled|dismissed|rejected"
)
# Words that may stand between a subject and its speech verb ("had earlier said").
SUBJECT_VERB_FILLERS = _words(
    "had|has|have|also|earlier|previously|later|recently|repeatedly|once|again|then|reportedly|"
    "publicly|privately|openly|separately|further|first|last|often|frequently|has|already|"
    "himself|herself|itself|themselves|too|even|just|always|never|similarly|likewise|would|"
    "will|could|did|does|do|long|both|all|jointly"
)
PRONOUNS = _words("he|she|it|they|He|She|It|They")
# Capitalised words that open sentences but never begin a name.
FUNCTION_WORDS = _words(
    "A|An|The|This|That|These|Those|There|Here|It|Its|He|She|They|We|I|You|His|Her|Their|Our|My|"
    "Your|But|And|Or|So|Yet|If|When|While|As|In|On|At|For|After|Before|During|Since|Although|"
    "Though|However|Meanwhile|Also|Still|Then|Now|Today|Yesterday|Tomorrow|Some|Many|Most|No|Not|"
    "One|What|Why|How|Who|Where|Which|According|Asked|Under|Over|With|Without|From|To|By|Of|"
    "Despite|Because|Instead|Even|Only|All|Both|Each|Every|Other|Such|Last|Next|This|Earlier|"
    "Later|Once|Unlike|Like|Among|Against|Until|Between|Through|About|Around|Yes|Well|Let|Do|Does|"
    "Did|Is|Are|Was|Were|Will|Would|Can|Could|Should|May|Might|Must|Please|Read|Share"
)
# Lower-case words allowed inside a capitalised name ("Union of Concerned Scientists").
NAME_CONNECTORS = frozenset(
    {"of", "for", "de", "da", "del", "della", "van", "von", "der", "bin", "al", "la", "le", "du"}
)
# Titles too generic to identify anyone on their own ("Sen. Brown" is not "Sen.").
HONORIFICS = _words(
    "Mr|Mr.|Mrs|Mrs.|Ms|Ms.|Dr|Dr.|Prof.|Professor|Sen.|Senator|Rep.|Representative|Gov.|Governor|"
    "Sir|Dame|Lord|Lady|Gen.|General|Col.|Lt.|Capt.|Judge|Justice|Mayor|President|Minister|"
    "Secretary|Chief|Director|Spokesman|Spokeswoman|Spokesperson"
)
