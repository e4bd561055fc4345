// Given names and surnames for the identifying-details check: faker-names.json, the name lists of
// nine @faker-js/faker locales saved once (faker-names.test.ts says which and why, and fails when
// the installed faker's lists differ), plus a supplement for naming traditions faker leaves out (its
// en_GB, en_IE and cy locales have no names of their own and fall back to the US list). The site
// does not load faker itself (measured: 3.4 MB less heap and 5 MB less memory once loaded).
import { dictionary } from "@zxcvbn-ts/language-common";

import FAKER_NAMES from "./faker-names.json";

// Names faker has no locale for, from the naming traditions of people in UK social care:
// Irish and Scottish Gaelic, Welsh, Punjabi and Bengali, Igbo and Yoruba short forms, Shona and
// Southern African, Somali and Arabic, Turkish, Vietnamese. Lower case, accents as usually written
// (the check also matches them without accents).
const EXTRA_GIVEN = `
aoife aisling aine áine ailbhe ailsa alannah aodhan aodhán aonghas beathag bláithín blathnaid brid bríd bridget caoimhe caoimhín
cathal catriona ciara ciaran ciarán cillian clodagh colm colum conall conor cormac cliodhna clíodhna dara darragh deirdre
declan diarmuid donal dónal donnacha eabha eimear eilidh eithne eoghan eoin fearghal fergal fiachra fionn fionnuala
fionnghuala grainne gráinne iseabail kenna laoise lorcan lachlan mairead mairéad mairi màiri mairtin malachy maeve
meabh méabh morag muireann murdo niall niamh nuala oisin oisín orla orlaith padraig pádraig padraic peadar proinsias
rhona roisin róisín ruairi ruaidhri ruairidh saoirse seamus séamus sean seán seonaid shauna sheena sile síle sinead
sinéad siobhan siobhán somhairle sorcha tadhg tomas tomás uisdean
aled alun aneurin angharad arwel bethan bleddyn bronwen bryn cadi cai carys cerys ceri cledwyn dafydd delyth derwyn
dewi dilys eirian eiry eleri elin elis emrys eurig ffion gareth geraint gethin glenys gruffudd gruffydd guto gwawr
gwen gwenan gwenllian gwilym gwyn gwyneth hefin heledd huw idris ieuan ifan iestyn iolo iwan llinos llio llŷr llyr
lowri mabli manon meinir meirion meleri mererid myfanwy nerys nia non osian owain rhian rhiannon rhodri rhun rhydian
rhys sioned siân sian steffan sion siôn tegan tegwen teleri tudur tomos wyn
amandeep amarjit baljit balvinder gurdeep gurinder gurpreet gurmeet harjit harjinder harpreet harvinder inderjit
jaspreet jasvinder jaswinder kamaljit kuldeep kulwant kulwinder manjit manpreet navdeep parminder paramjit rajinder
ranjit satnam simran sukhjinder sukhwinder surinder tajinder amrit anjali ayesha aisha farzana fatima nusrat rukhsana
shabana shazia tahmina nasreen nazia parveen rubina rehana sabina salma shahida tasneem yasmin yasmeen zainab zahra
priyanka sunita deepika kavita lakshmi meena nisha pooja rekha shilpa anil arjun deepak rakesh ramesh sandeep sanjay
suresh vijay vikram imran irfan kamran rizwan shahid tariq zubair asif bilal faisal hamza usman waqas raheem rahim
abdul abdullah ahmed ali hassan hussein ibrahim ismail khalid mohammed muhammad mohamed mustafa omar yusuf yousef
abdi abdirahman abdullahi farah faduma farhiya hamdi hodan ifrah ilhan khadra nimco sagal warsame ayan deeqa
adaeze adanna adebayo adeola adetokunbo adunni ayodele ayo babatunde bimpe bola bukola chiamaka chidi chidinma
chidera chinedu chinwe chioma chukwuemeka chukwudi dayo ebere emeka ifeoma ifeanyi ikenna kemi kehinde kunle
ngozi nkechi nnamdi obinna oluchi olu olumide oluwaseun seun tayo temi temitope tobi tolu tope tunde uche yetunde folake folasade
adwoa akosua ama abena efua esi kwabena kwaku kwame kofi kojo kwasi yaw yaa afua
chipo farai fungai nyasha rudo ruvimbo tatenda tendai tinashe thandiwe thandi lwazi nomvula sipho themba zodwa
mehmet mustafa ayse ayşe elif emine fatma hatice zeynep murat hakan
anh binh dung hanh hoa huong lan linh mai minh ngoc nguyet phuong quang thao thuy trang tuan
`;
const EXTRA_SURNAMES = `
ní nic mac mc ó o' ua murphy kelly obrien o'brien walsh byrne ryan oconnor o'connor doherty mccarthy gallagher
o'sullivan osullivan súilleabháin suilleabhain ceallaigh dochartaigh bhriain néill neill macleod macdonald mackenzie
maclean macgregor mackay morrison fraser campbell stewart
jones davies evans thomas roberts hughes lewis morgan griffiths rees price pritchard llewellyn llywelyn prosser
powell pugh parry bowen vaughan howells jenkins gwynne gruffydd
adeyemi adebayo adewale okafor okonkwo okeke eze nwosu obi ogunleye oyelaran oyelowo mensah asante boateng owusu
osei agyeman danso
patel shah chaudhry chaudhary choudhury begum akhtar hussain hossain iqbal khan malik qureshi siddiqui sharma singh
kaur gill sandhu sidhu dhillon grewal bains bhattacharya chatterjee mukherjee banerjee das rahman islam ahmed
kowalczyk kowalski nowak wiśniewski wisniewski popescu ionescu
`;

/** Real words a name list also holds; as names they need a cue (a title, "my son", "called"). */
export const WORD_NAMES = new Set(
  (
    "will may hope grace bill frank rose mark faith joy dawn patience chase sky summer penny dean holly ivy iris daisy " +
    "heather amber ruby pearl violet poppy autumn hunter guy jack pat sue rob art gene carol lily sunny rain storm river " +
    "miles ray sandy crystal brown green young long hall king cook baker wood hill rich price major royal sterling " +
    "precious prince harmony honor honour justice glory marvel noble rusty destiny heaven star august june april " +
    "bob jolly cherry olive jasmine sage jade angel birdie clay dale drew earl glen grant gray grey hazel heath reed " +
    "rock sterling wade ward west wynn lane chance colt hunter fox bay cliff " +
    // Found by asking the lists for everyday words: these are in them too.
    "brain general queen princess earl baron christian charity unique golden forest stone dusty misty ginger " +
    "berry rosemary fern willow rowan brook ford abbey mason angel prudence constance destiny trinity genesis " +
    "eden zion jordan carmel asia paris london dallas austin houston aurora orion apollo delta garnet ivory " +
    "marlin easter ebony emerald laurel magnolia margarita marina opal santa savanna sherry sierra tiara buddy " +
    "foster garland lance rocky roman talon trace ion"
  ).split(" "),
);

// Everyday English words (the EFF list zxcvbn-ts ships for passphrases): a name that is also
// one of these needs a cue, like the words above.
const EVERYDAY_WORDS = new Set(
  (dictionary["diceware-common"] ?? []).filter((word): word is string => typeof word === "string"),
);

/** True for a lower-case word that is an everyday word as well as, perhaps, a name. */
export const isOrdinaryWord = (lower: string) => WORD_NAMES.has(lower) || EVERYDAY_WORDS.has(lower);

function build(): { given: Set<string>; surnames: Set<string> } {
  const given = new Set<string>(FAKER_NAMES.given);
  const surnames = new Set<string>(FAKER_NAMES.surnames);
  for (const name of EXTRA_GIVEN.split(/\s+/)) if (name) given.add(name);
  for (const name of EXTRA_SURNAMES.split(/\s+/)) if (name) surnames.add(name);
  return { given, surnames };
}

const { given, surnames } = build();
/** Lower-case given names. */
export const GIVEN_NAMES: ReadonlySet<string> = given;
/** Lower-case surnames. */
export const SURNAMES: ReadonlySet<string> = surnames;

const stripAccents = (word: string) => word.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
const GIVEN_PLAIN = new Set([...given].map(stripAccents));
const SURNAMES_PLAIN = new Set([...surnames].map(stripAccents));

// Accents are stripped only from words that have them: most words are plain ASCII.
const NOT_ASCII = /[^ -~]/;
export const isGivenName = (word: string) => {
  const lower = word.toLowerCase();
  return given.has(lower) || (NOT_ASCII.test(lower) && GIVEN_PLAIN.has(stripAccents(lower)));
};
export const isSurname = (word: string) => {
  const lower = word.toLowerCase();
  return surnames.has(lower) || (NOT_ASCII.test(lower) && SURNAMES_PLAIN.has(stripAccents(lower)));
};

/**
 * Organisations, schemes, protocols and products named after people or named like people: in
 * posts here they are never the person. Matched as whole phrases before names are looked for.
 */
export const SECTOR_NAMES = [
  "Marie Curie",
  "Sue Ryder",
  "Leonard Cheshire",
  "Oliver McGowan",
  "Herbert Protocol",
  "Admiral Nurses?",
  "Macmillan",
  "Mencap",
  "Shared Lives",
  "Carers Trust",
  "Carers UK",
  "Carers Wales",
  "Carers Scotland",
  "Barnardo['’]?s",
  "Camphill",
  "Crossroads",
  "Alzheimer['’]?s Society",
  "Alzheimer Scotland",
  "Age UK",
  "Age Cymru",
  "Age Scotland",
  "Age NI",
  "Citizens Advice",
  "Independent Age",
  "Turn2us",
  "Rethink",
  "Headway",
  "Sense",
  "Scope",
  "Mind",
  "Dimensions",
  "Hft",
  "Mencap Cymru",
  "Parkinson['’]?s UK",
  "Stroke Association",
  "MS Society",
  "Motor Neurone Disease Association",
  "Down['’]?s Syndrome Association",
  "Purple Folder",
  "Tommy['’]?s",
  "Rainbow Trust",
  "Florence Nightingale",
  "Nightingale",
  "Lewy Body",
  "Huntington['’]?s",
  "Asperger['’]?s",
  "Makaton",
  "Motability",
  "Healthwatch",
  "Samaritans",
  "St John Ambulance",
  "Red Cross",
  "Salvation Army",
  "Just Giving",
  "JustGiving",
  "Ronald McDonald House",
  "Martha['’]?s Rule",
  "Jimmy['’]?s",
  "Kate['’]?s Law",
  // Shops and banks named after people.
  "John Lewis",
  "Marks (?:and|&) Spencer",
  "Sainsbury['’]?s",
  "Morrisons",
  "Boots",
  "Lloyds",
  "Barclays",
  "Timpson",
  "Specsavers",
  "Halfords",
  "Dunelm",
  "Currys",
  "Argos",
  "Greggs",
  "Wilko",
  "Debenhams",
  "Selfridges",
  "Harrods",
  // Regulators, assessors and equipment firms that write to members.
  "Bupa",
  "Careline",
  "Caremark",
  "Barchester",
  "HC-One",
  "Sanctuary",
  "Mears",
  "Housing 21",
  "Cera",
  "Ofsted",
  "Cafcass",
  "Capita",
  "Atos",
  "Maximus",
  "Medequip",
  "Mumsnet",
  "Nuffield",
  "Amazon",
  "Tesco",
  "Ocado",
  // Shops, apps and services carers mention as the subject of a sentence ("Lidl had the pads",
  // "Spotify plays his music"), which the unknown-word-and-verb rule would otherwise take for people.
  "Asda",
  "Aldi",
  "Lidl",
  "Waitrose",
  "Primark",
  "Superdrug",
  "Poundland",
  "Wickes",
  "Screwfix",
  "Deliveroo",
  "Uber",
  "Netflix",
  "Spotify",
  "YouTube",
  "Ofcom",
  "Ofgem",
  "Brexit",
  "Alexa",
  "Siri",
  "Cortana",
  "Bixby",
  "Google Home",
  "Google Assistant",
  "Echo Show",
  "Echo Dot",
];
