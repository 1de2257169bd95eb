// Word lists the language stages share. Small, hand-written gazetteers: enough to tell a
// place from a person or an organisation in news prose, not an encyclopaedia.

function set(words: string): Set<string> {
  return new Set(words.split('|').map((w) => w.trim()).filter((w) => w.length > 0));
}

export const COUNTRIES = set(
  'Afghanistan|Albania|Algeria|Andorra|Angola|Argentina|Armenia|Australia|Austria|Azerbaijan|Bahamas|Bahrain|' +
    'Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|Bosnia|Botswana|Brazil|Brunei|Bulgaria|' +
    'Burkina Faso|Burundi|Cambodia|Cameroon|Canada|Chad|Chile|China|Colombia|Comoros|Congo|Costa Rica|Croatia|' +
    'Cuba|Cyprus|Czech Republic|Czechia|Denmark|Djibouti|Dominica|Dominican Republic|Ecuador|Egypt|El Salvador|' +
    'Eritrea|Estonia|Eswatini|Ethiopia|Fiji|Finland|France|Gabon|Gambia|Georgia|Germany|Ghana|Greece|Grenada|' +
    'Guatemala|Guinea|Guyana|Haiti|Honduras|Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|' +
    'Jamaica|Japan|Jordan|Kazakhstan|Kenya|Kosovo|Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|Lesotho|Liberia|Libya|' +
    'Liechtenstein|Lithuania|Luxembourg|Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|Mauritania|Mauritius|' +
    'Mexico|Moldova|Monaco|Mongolia|Montenegro|Morocco|Mozambique|Myanmar|Namibia|Nepal|Netherlands|New Zealand|' +
    'Nicaragua|Niger|Nigeria|North Korea|North Macedonia|Norway|Oman|Pakistan|Palestine|Panama|Papua New Guinea|' +
    'Paraguay|Peru|Philippines|Poland|Portugal|Qatar|Romania|Russia|Rwanda|Samoa|San Marino|Saudi Arabia|Senegal|' +
    'Serbia|Seychelles|Sierra Leone|Singapore|Slovakia|Slovenia|Somalia|South Africa|South Korea|South Sudan|Spain|' +
    'Sri Lanka|Sudan|Suriname|Sweden|Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand|Togo|Tonga|Tunisia|' +
    'Turkey|Turkmenistan|Uganda|Ukraine|United Arab Emirates|United Kingdom|United States|Uruguay|Uzbekistan|' +
    'Vanuatu|Vatican|Venezuela|Vietnam|Yemen|Zambia|Zimbabwe|England|Scotland|Wales|Britain|Great Britain|America|' +
    'Europe|Asia|Africa|Latin America|North America|South America|Middle East|Gaza|West Bank|Crimea|Hong Kong|' +
    'Puerto Rico|Greenland|Tibet|Kurdistan|Catalonia|Basque Country|Antarctica|Arctic|Caribbean|Balkans|Scandinavia',
);

export const CITIES = set(
  'Washington|New York|Los Angeles|Chicago|Houston|Phoenix|Philadelphia|San Antonio|San Diego|Dallas|San Francisco|' +
    'Boston|Seattle|Miami|Atlanta|Denver|Detroit|Las Vegas|Baltimore|Tijuana|Ciudad Juarez|Guadalajara|Monterrey|' +
    'Mexico City|Culiacan|Toronto|Montreal|Vancouver|Ottawa|London|Paris|Berlin|Madrid|Barcelona|Rome|Milan|Lisbon|' +
    'Dublin|Brussels|Amsterdam|The Hague|Vienna|Zurich|Geneva|Bern|Stockholm|Oslo|Copenhagen|Helsinki|Warsaw|Prague|' +
    'Budapest|Bucharest|Sofia|Athens|Istanbul|Ankara|Moscow|Kyiv|Kiev|Minsk|Beijing|Shanghai|Shenzhen|Guangzhou|' +
    'Wuhan|Tokyo|Osaka|Seoul|Pyongyang|Taipei|Manila|Jakarta|Bangkok|Hanoi|Kuala Lumpur|New Delhi|Delhi|Mumbai|' +
    'Kolkata|Karachi|Islamabad|Lahore|Kabul|Tehran|Baghdad|Damascus|Beirut|Jerusalem|Tel Aviv|Amman|Riyadh|Dubai|' +
    'Abu Dhabi|Doha|Cairo|Tripoli|Tunis|Algiers|Rabat|Casablanca|Lagos|Abuja|Nairobi|Addis Ababa|Johannesburg|' +
    'Cape Town|Pretoria|Kinshasa|Dakar|Accra|Sydney|Melbourne|Canberra|Auckland|Wellington|Buenos Aires|Santiago|' +
    'Lima|Bogota|Caracas|Quito|La Paz|Brasilia|Sao Paulo|Rio de Janeiro|Montevideo|Asuncion|Havana|Panama City|' +
    'San Jose|Managua|Tegucigalpa|San Salvador|Guatemala City|Santo Domingo|Kingston|Hong Kong|Singapore|Geneva|' +
    'Strasbourg|Frankfurt|Munich|Hamburg|Cologne|Lyon|Marseille|Manchester|Liverpool|Edinburgh|Glasgow|Belfast|' +
    'Cardiff|Naples|Venice|Florence|Seville|Valencia|Porto|Kharkiv|Odesa|Odessa|St Petersburg|Gaza City|Ramallah|' +
    'California|Texas|Florida|Arizona|New Mexico|Nevada|Oregon|Ohio|Michigan|Illinois|Virginia|Maryland|Alaska|Hawaii',
);

/** Surface forms that name the same place or body: alias → canonical name. */
export const PLACE_ALIASES: ReadonlyMap<string, string> = new Map([
  ['US', 'United States'],
  ['U.S.', 'United States'],
  ['U.S', 'United States'],
  ['USA', 'United States'],
  ['U.S.A.', 'United States'],
  ['UK', 'United Kingdom'],
  ['U.K.', 'United Kingdom'],
  ['UAE', 'United Arab Emirates'],
  ['DRC', 'Congo'],
  ['PRC', 'China'],
  // In news, Britain is the United Kingdom ("Britain's prime minister").
  ['Britain', 'United Kingdom'],
  ['Great Britain', 'United Kingdom'],
  // The planet, a place ("came here from Earth"); not in the gazetteer's city or country lists.
  ['Earth', 'Earth'],
]);

export const ORG_ALIASES: ReadonlyMap<string, string> = new Map([
  ['UN', 'United Nations'],
  ['U.N.', 'United Nations'],
  ['EU', 'European Union'],
  ['E.U.', 'European Union'],
  ['NATO', 'NATO'],
  ['WHO', 'World Health Organization'],
  ['IMF', 'International Monetary Fund'],
]);

/** Well-known organisations written without an organisation keyword. */
export const KNOWN_ORGS = set(
  'EFE|Reuters|AFP|AP|Associated Press|Bloomberg|Xinhua|Agence France-Presse|BBC|CNN|NBC|CBS|ABC|NPR|Fox News|' +
    'Al Jazeera|The New York Times|New York Times|Washington Post|Wall Street Journal|Financial Times|The Guardian|' +
    'Guardian|Le Monde|El Pais|Pemex|Google|Apple|Microsoft|Amazon|Meta|Facebook|Twitter|Tesla|Pfizer|Moderna|' +
    'Interpol|Europol|NATO|OPEC|FBI|CIA|DEA|NSA|ATF|ICE|DHS|CDC|FDA|EPA|NASA|IMF|OECD|WTO|WHO|UNICEF|UNHCR|' +
    'Hamas|Hezbollah|Taliban|Congress|Senate|Pentagon|Kremlin|White House|Vatican|Medicare|Medicaid|Interpol',
);

/** Capitalised words that make a name an organisation ("State Department", "Acme Inc"). */
export const ORG_KEYWORDS = set(
  'Department|Ministry|Coalition|Inc|Inc.|Corp|Corp.|Corporation|Company|Co.|Ltd|Ltd.|LLC|PLC|Group|Party|' +
    'University|College|School|Institute|Institution|Agency|Administration|Commission|Committee|Council|Bureau|' +
    'Office|Authority|Board|Bank|Fund|Foundation|Association|Federation|Union|League|Alliance|Organization|' +
    'Organisation|Society|Court|Tribunal|Parliament|Assembly|Senate|Congress|Cabinet|Government|Army|Navy|' +
    'Police|Force|Forces|Guard|Service|Services|Center|Centre|Hospital|Church|Network|Times|Post|News|Press|' +
    'Journal|Herald|Tribune|Airlines|Airways|Motors|Holdings|Partners|Bank|Exchange|Reserve|Secretariat|Cartel|' +
    'Chamber|Chambers|Club|Team|Movement|Front|Brigade|Brigades|Initiative|Program|Programme|Project|Forum|Summit|Institute|Lab|' +
    'Laboratories|Labs|Pharmaceuticals|Technologies|Systems|Industries|Enterprises|Media|Studios|Records|Nations',
);

/** Lower-case nouns after a name that make it an organisation ("the Sinaloa cartel"). */
export const ORG_TRAILING_NOUNS = set('cartel|cartels|gang|gangs|group|militia|militias|party|company|firm|network|syndicate|clan');

export const DEMONYMS = set(
  'American|Mexican|Chinese|Canadian|British|English|French|German|Spanish|Italian|Portuguese|Russian|Ukrainian|' +
    'Japanese|Korean|Indian|Pakistani|Afghan|Iranian|Iraqi|Syrian|Israeli|Palestinian|Lebanese|Egyptian|Turkish|' +
    'Saudi|Emirati|Qatari|Brazilian|Argentine|Argentinian|Colombian|Venezuelan|Peruvian|Chilean|Cuban|Bolivian|' +
    'Ecuadorian|Guatemalan|Honduran|Salvadoran|Nicaraguan|Panamanian|Dominican|Haitian|Australian|Dutch|Belgian|' +
    'Swiss|Austrian|Swedish|Norwegian|Danish|Finnish|Polish|Czech|Hungarian|Romanian|Bulgarian|Greek|Serbian|' +
    'Croatian|Irish|Scottish|Welsh|European|Asian|African|Latin|Nigerian|Kenyan|Ethiopian|South African|' +
    'Vietnamese|Thai|Filipino|Indonesian|Malaysian|Taiwanese|North Korean|South Korean|Catalan|Basque|Western',
);

/** Titles written before a name; they are not part of the name. */
export const TITLES = set(
  'President|Vice|Prime|Minister|Secretary|Senator|Sen.|Sen|Representative|Rep.|Rep|Governor|Gov.|Gov|Mayor|' +
    'Judge|Justice|General|Gen.|Gen|Colonel|Col.|Lieutenant|Lt.|Sergeant|Sgt.|Captain|Capt.|Admiral|Adm.|Commander|' +
    'Chancellor|Ambassador|Chief|Deputy|Assistant|Attorney|Commissioner|Director|Chairman|Chairwoman|Chair|' +
    'Pope|King|Queen|Prince|Princess|Sheikh|Emir|Dr.|Dr|Mr.|Mr|Mrs.|Mrs|Ms.|Ms|Miss|Prof.|Prof|Professor|Sir|Dame|' +
    'Lord|Lady|Rev.|Rev|Reverend|Father|Sister|Brother|Officer|Detective|Agent|Inspector|Superintendent|Speaker|' +
    'Leader|CEO|Spokesman|Spokeswoman|Spokesperson|Foreign|Defense|Defence|Interior|Finance|Health|Former|Acting|' +
    'First|Lady|Premier|Supreme|Crown|Archbishop|Bishop|Cardinal|Rabbi|Imam|Coach|Counterpart|Ex|Emperor|Empress|Saint',
);

/** Nouns that describe what someone does; used for roles and "the diplomat said". */
export const ROLE_NOUNS = set(
  'secretary|minister|president|vice-president|ambassador|official|officer|spokesman|spokeswoman|spokesperson|' +
    'director|chief|head|diplomat|envoy|senator|congressman|congresswoman|representative|lawmaker|legislator|' +
    'governor|mayor|judge|prosecutor|attorney|lawyer|analyst|professor|expert|researcher|scientist|economist|' +
    'leader|chairman|chairwoman|chair|founder|executive|ceo|manager|commissioner|coordinator|adviser|advisor|' +
    'general|commander|colonel|captain|editor|author|reporter|journalist|correspondent|doctor|physician|nurse|' +
    'activist|campaigner|candidate|chancellor|premier|king|queen|pope|bishop|priest|coach|player|economist|' +
    'strategist|consultant|historian|founder|owner|president-elect|administrator|inspector|detective|agent|' +
    'negotiator|mediator|deputy|undersecretary|under-secretary|counsel|attaché|consul|governor-general|sheriff|' +
    'police|student|teacher|resident|witness|victim|farmer|worker|spokesperson|minister|engineer|architect|' +
    'planner|designer|developer|owner|founder|trader|banker|broker|investor|pilot|soldier|officer|medic|surgeon|' +
    'psychologist|sociologist|epidemiologist|virologist|biologist|chemist|physicist|statistician|accountant|auditor|' +
    'writer|novelist|poet|artist|musician|singer|actor|actress|director|producer|filmmaker|photographer|chef',
);

/** Role nouns used as anaphors ("the diplomat said") and the role words they can stand for. */
export const ROLE_NOUN_SENSES: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ['diplomat', ['secretary of state', 'ambassador', 'diplomat', 'envoy', 'consul', 'foreign minister', 'state department', 'foreign ministry', 'attaché']],
  ['official', ['secretary', 'official', 'minister', 'director', 'administrator', 'commissioner', 'officer', 'spokes', 'head', 'chief', 'ambassador']],
  ['minister', ['minister']],
  ['secretary', ['secretary']],
  ['senator', ['senator']],
  ['lawmaker', ['senator', 'congress', 'representative', 'lawmaker', 'legislator', 'deputy', 'mp']],
  ['legislator', ['senator', 'congress', 'representative', 'lawmaker', 'legislator']],
  ['congressman', ['congress', 'representative']],
  ['congresswoman', ['congress', 'representative']],
  ['president', ['president']],
  ['governor', ['governor']],
  ['mayor', ['mayor']],
  ['ambassador', ['ambassador']],
  ['envoy', ['envoy', 'ambassador']],
  ['spokesman', ['spokes']],
  ['spokeswoman', ['spokes']],
  ['spokesperson', ['spokes']],
  ['judge', ['judge', 'justice']],
  ['prosecutor', ['prosecutor', 'attorney']],
  ['lawyer', ['lawyer', 'attorney', 'counsel']],
  ['attorney', ['attorney', 'lawyer']],
  ['professor', ['professor']],
  ['researcher', ['researcher', 'scientist', 'professor']],
  ['scientist', ['scientist', 'researcher']],
  ['economist', ['economist']],
  ['analyst', ['analyst']],
  ['expert', ['expert', 'analyst', 'professor', 'researcher']],
  ['executive', ['executive', 'ceo', 'chief', 'president', 'director', 'chairman']],
  ['chairman', ['chairman', 'chair']],
  ['director', ['director']],
  ['general', ['general']],
  ['commander', ['commander', 'general']],
  ['chief', ['chief', 'head']],
  ['leader', ['leader', 'head', 'chief', 'president']],
  ['doctor', ['doctor', 'physician']],
  ['minister', ['minister']],
  ['activist', ['activist', 'campaigner']],
  ['author', ['author', 'writer']],
]);

/** Plural or generic nouns that name nobody checkable ("officials said"). */
export const VAGUE_SOURCE_NOUNS = set(
  'officials|experts|sources|analysts|critics|observers|authorities|insiders|people|some|many|others|' +
    'commentators|researchers|scientists|economists|diplomats|lawmakers|residents|witnesses|reports|studies|' +
    'insiders|aides|advisers|advisors|supporters|opponents|skeptics|sceptics|officers|investigators|members|' +
    'experts|spokespeople|source|someone|somebody|insider|observers|activists|academics|watchers|figures|data',
);

/** The head nouns of sources that name nobody (vagueSources.ts), by what they stand for. */
/** Plural (and a few singular) nouns for people who are not named. */
export const UNNAMED_PEOPLE = set(
  'officials|experts|sources|source|analysts|critics|observers|authorities|insiders|insider|people|' +
    'commentators|researchers|scientists|economists|diplomats|lawmakers|residents|witnesses|aides|advisers|' +
    'advisors|supporters|opponents|skeptics|sceptics|officers|investigators|members|spokespeople|someone|' +
    'somebody|activists|academics|watchers',
);

/** Words that stand for unnamed people on their own: "Some say", "Others argue". */
export const UNNAMED_ALONE = set('some|many|others|several|few|most');

/** Documents with no author named: "Studies show", "Recent reports suggest". */
export const UNNAMED_DOCUMENTS = set('reports|studies|figures|data|surveys|polls|estimates|research');

/** Verbs that report speech or a stated position; each also marks a sentence as attributed. */
export const SPEECH_VERBS = set(
  'said|says|say|told|tells|tell|added|adds|recalled|recalls|noted|notes|argued|argues|argue|warned|warns|warn|' +
    'explained|explains|stated|states|insisted|insists|insist|claimed|claims|claim|acknowledged|acknowledges|' +
    'admitted|admits|asserted|asserts|declared|declares|announced|announces|reported|reports|wrote|writes|write|' +
    'stressed|stresses|emphasized|emphasised|emphasizes|emphasises|confirmed|confirms|denied|denies|deny|' +
    'estimated|estimates|estimate|believes|believed|believe|maintained|maintains|contended|contends|observed|' +
    'remarked|replied|responded|answered|asked|asks|testified|testifies|predicted|predicts|cautioned|cautions|' +
    'suggested|suggests|concluded|concludes|conceded|concedes|countered|counters|explained|pointed|' +
    'revealed|reveals|disclosed|mentioned|mentions|tweeted|posted|commented|comments|continued|agreed|agrees|' +
    'urged|urges|alleged|alleges|complained|complains|acknowledged|indicated|indicates|highlighted|highlights|' +
    'underlined|underscored|lamented|boasted|assured|assures|promised|promises|vowed|vows|recounted|recounts|' +
    'adding|arguing|saying|noting|warning|explaining|insisting|claiming|stressing|recalling|telling|asserting',
);

/** Verbs of the manner of speaking, which introduce quotations (SPEECH_VERBS has the rest). */
export const MANNER_OF_SPEAKING = new Set(['shouted', 'yelled', 'screamed', 'whispered', 'sang', 'sings', 'chanted', 'exclaimed', 'snapped', 'quipped', 'joked', 'tweeting']);

/** Verbs that report a view or a finding rather than speech (SPEECH_VERBS has those). */
export const REPORTING_VERBS = new Set(
  ('believe|believes|believed|expect|expects|expected|think|thinks|thought|fear|fears|feared|show|shows|showed|shown|' +
    'find|finds|found|describe|describes|described|regard|regards|regarded|praise|praises|praised|oppose|opposes|' +
    'opposed|criticize|criticizes|criticized|criticise|criticises|criticised|speculate|speculates|speculated|' +
    'assume|assumes|assumed|see|sees|saw|back|backs|backed|call|calls|called|according|citing|cited|weighed|' +
    'discovered|concluded|determined|suspect|suspects|suspected|doubt|doubts|doubted|worry|worries|worried|' +
    'vow|vows|vowed|agree|agrees|agreed|accused|accuse|accuses|blamed|blame|blames').split('|'),
);

/** Speech verbs that take the speaker after them in inversions ("…,” said Robinson). */
export const INVERTIBLE_SPEECH_VERBS = set('said|says|added|adds|recalled|noted|argued|warned|explained|asked|continued|wrote|writes|replied|insisted|stressed|told|recounted|observed|remarked|declared|cautioned|concluded|answered|countered');

/** Words that may stand between a subject and its speech verb ("Robinson also said"). */
export const SPEECH_ADVERBS = set(
  'also|later|then|previously|earlier|has|had|have|repeatedly|recently|once|further|again|publicly|privately|' +
    'has|would|will|may|might|could|can|did|does|do|often|frequently|separately|however|too|even|already|' +
    'flatly|firmly|strongly|always|never|not|reportedly|allegedly|yesterday|today|tonight|subsequently|had',
);

export const PERSON_PRONOUNS = set('he|she|He|She');
export const PLURAL_PRONOUNS = set('they|They|we|We');

/** Lower-case particles that sit inside personal names ("Eduard Ribas i Admetlla"). */
export const NAME_PARTICLES = set('de|da|del|della|di|du|la|le|van|von|der|den|ten|ter|bin|ibn|al|el|i|y|dos|das|do|st.|mac|ben|bint|abu');

/** Lower-case words allowed inside organisation names when a capitalised word follows. */
export const ORG_CONNECTORS = set('of|for|to|on|and|the|de|del|la|des|du|&|in|against');

/** Capitalised words that start sentences without naming anything. */
export const SENTENCE_STARTERS = set(
  'The|A|An|But|And|Or|So|Yet|Despite|However|He|She|It|They|We|I|You|This|That|These|Those|There|Here|When|' +
    'While|Whereas|If|Although|Though|Because|Since|As|After|Before|During|In|On|At|For|With|Without|From|To|' +
    'By|Of|Over|Under|Between|Among|About|Against|Across|Through|Also|Still|Even|Only|Just|Then|Now|Today|' +
    'Yesterday|Tomorrow|Meanwhile|Moreover|Furthermore|Instead|Indeed|Thus|Therefore|Nevertheless|Nonetheless|' +
    'Everything|Everyone|Nothing|Nobody|Some|Many|Most|More|Less|Few|All|Both|Each|Every|Any|No|Not|Other|Another|' +
    'Such|What|Which|Who|Whom|Whose|Where|Why|How|Can|Could|Would|Should|Will|May|Might|Must|Do|Does|Did|Is|Are|' +
    'Was|Were|Be|Been|Has|Have|Had|Let|Please|Yes|Oh|Well|My|Our|Your|His|Her|Its|Their|One|Two|Three|Four|Five|' +
    'Six|Seven|Eight|Nine|Ten|First|Second|Third|Last|Next|Once|Until|Unless|Whether|Like|Unlike|Amid|Amidst|' +
    'Within|Around|Following|According|Asked|Speaking|Having|Being|Given|Including|Under|Above|Below|Again|' +
    'Almost|Already|Always|Never|Often|Sometimes|Perhaps|Maybe|Nor|Either|Neither|Whatever|Whoever|Upon|Via|' +
    'Related|Read|See|Share|Back|Top|Sign|Subscribe|Follow|Click|Photo|Video|Image|Editor|Note|Update|Updated|' +
    'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|June|July|August|' +
    'September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mr|Mrs|Ms|Dr',
);

/** Month and weekday names: capitalised, but never entities. */
export const CALENDAR_WORDS = set(
  'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|' +
    'September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Jan.|Feb.|Mar.|Apr.|' +
    'Jun.|Jul.|Aug.|Sep.|Sept.|Oct.|Nov.|Dec.|Christmas|Easter|Ramadan|Thanksgiving|Halloween',
);

/** Words before a period that do not end a sentence. */
export const ABBREVIATIONS = set(
  'Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Col|Lt|Sgt|Capt|Cmdr|Adm|Maj|St|Jr|Sr|Inc|Co|Corp|Ltd|vs|v|etc|al|' +
    'Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|Nos|Mt|Ft|Ave|Blvd|Rd|Fig|fig|approx|est|dept|Dept|' +
    'Univ|Assn|Bros|Rev|Hon|Pres|Supt|Det|Insp|Sgt|Cpl|Pvt|e.g|i.e|cf|ca|p|pp|vol|Vol|ed|eds|op|cit|ibid|' +
    'a.m|p.m|U.S|U.K|U.N|E.U|D.C|U.S.A|Ph.D|M.D|B.A|M.A|Nov|Mass|Calif|Fla|Tex|Ariz|Penn|Wash|Ore|Ill|Mich|Md|Va',
);

/** Capitalised words that, after a dotted abbreviation such as "U.S.", start a new sentence. */
export const STRONG_SENTENCE_STARTERS = set('The|He|She|They|It|We|I|But|And|In|A|An|This|That|There|These|Those|His|Her|Their|Its|Our|However|Meanwhile');

/** Short paragraphs that are page furniture rather than article text. */
export const BOILERPLATE_LINES = set(
  'related articles|related|related stories|related posts|related content|read more|read also|see also|' +
    'back to top|back to top button|share|share this|share this article|share on facebook|share on twitter|' +
    'advertisement|sponsored|tags|comments|leave a comment|subscribe|subscribe now|sign up|newsletter|' +
    'follow us|more from|you may also like|recommended|most read|trending|print|email|copy link|next article|' +
    'previous article|close|menu|skip to content|all rights reserved|cookie settings|accept cookies',
);

/** Interjections and chat words that a capital makes look like names ("Ah, you did it", "Howdy!"). */
export const INTERJECTIONS = set('Ah|Aha|Oh|Ooh|Howdy|Wow|Whoa|Hey|Hi|Hello|Okay|OK|Yeah|Yep|Nope|Sorry|Please|Thanks|Alright|Uh|Um|Erm|Oops|Bye|Gonna|Wanna|Gotta|Yay|Hmm|Ouch|Huh|Shh|Damn');
