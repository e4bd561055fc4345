// Held-back part of the identifying-details corpus: written at the same time as the tuning part,
// in the same voices and format (see tuning.ts), but kept out of tuning. The evaluation reports
// its figures; its misses are only listed when asked for (see tests/bench/detector-corpus.ts).
import type { CorpusGroup } from "./format";

export const HELD_BACK: CorpusGroup[] = [
  {
    group: "email",
    lines: [
      "email | Send the timesheets to hours@pa-payroll.example.co.uk by Monday.",
      "email | My personal one is liz.townsend64@example.com.",
      "email | The provider's safeguarding lead is safeguarding@example.org.uk.",
      "email | drop me an email on grumpy.gran@example.net",
    ],
  },
  {
    group: "email-obfuscated",
    lines: [
      "email | I'm kezia.brown at gmail dot com if anyone wants to chat.",
      "email | Email me: rhodri(at)example(dot)co(dot)uk.",
      "email | contact sandra [at] carersgroup [dot] org [dot] uk",
      "email | You can get hold of me at paul_dp_dad at hotmail dot com.",
      "email | I'm on tola.williams AT example DOT co DOT uk.",
      "email | The coordinator's email is ann dot price at example dot org.",
    ],
  },
  {
    group: "phone",
    lines: [
      "phone | Call me on 07700 900 981 if you're local.",
      "phone | The emergency duty team is 0115 496 0742.",
      "phone | Mum's landline: 01632 960 215.",
      "phone | Ring +44 7700 900 123 and leave a message.",
      "phone | The brokerage line, 0161 496 0883, closes at four.",
      "phone | Her mobile's 07700-900-338.",
      "phone | Text +447700900456 for cover.",
      "phone | You can try (020) 7946 0726 but it's usually engaged.",
      "phone | The carers line is 0808 808 7777 in case anyone needs it.",
    ],
  },
  {
    group: "postcode",
    lines: [
      "postcode | The bungalow is at TS5 6PA, near the park.",
      "postcode | Our postcode, LL57 2DG, isn't on the agency's map.",
      "postcode | Any PAs near KA7 1UT?",
      "postcode | She's in B15 2TT now.",
    ],
  },
  {
    group: "postcode-outward",
    lines: [
      "postcode | We're in LL57, right on the edge of the county.",
      "postcode | Is anyone else from the CH41 area on here?",
      "postcode | Our postcode starts with TS5, so it's the south team.",
      "postcode | I live in WF13 and there's nothing for young carers.",
      "postcode | Families in the B23 area can use the hub.",
      "postcode | Dad's in PA3, I'm four hours away.",
    ],
  },
  {
    group: "nhs",
    lines: [
      "nhs | NHS number 468 082 1795, please don't lose it again.",
      "nhs | His hospital passport says 565 648 8993.",
      "nhs | Her NHS no. is 850-185-2163.",
      "nhs | The letter quoted 8152259209 as the NHS number.",
    ],
  },
  {
    group: "ni",
    lines: [
      "ni | NI number QQ 11 22 33 A on the form.",
      "ni | Her national insurance number is QQ556677C.",
      "ni | The PA's NINO is QQ 23 45 67 B, payroll need it.",
    ],
  },
  {
    group: "address",
    lines: [
      "address | We live at 41 Hawthorn Avenue with Mum.",
      "address | The supported living house is 16 Orchard Close.",
      "address | Flat 2, 88 Victoria Road is where she lives now.",
      "address | He's at 5 Sycamore Rise until the adaptations are done.",
    ],
  },
  {
    group: "address-welsh",
    lines: [
      "address | Taid lives at 7 Heol y Parc.",
      "address | The group meets at 19 Ffordd y Llan.",
      "address | They moved to 3 Lôn Isaf last year.",
      "address | She's at 12 Pen-y-Graig Terrace.",
      "address | Post it to 25 Ffordd Glyndwr.",
    ],
  },
  {
    group: "address-scottish",
    lines: [
      "address | Mum's flat is at 3 Castle Wynd.",
      "address | The house is 14 Craigie Brae.",
    ],
  },
  {
    group: "address-named-house",
    lines: [
      "address | They live at Ivy Cottage, Station Road.",
      "address | Mum's house is Maes Teg, Heol y Dderwen.",
      "address | The farm is Lower Barn, Green Lane.",
    ],
  },
  {
    group: "dob",
    lines: [
      "dob | He was born on 08/07/1944.",
      "dob | DOB: 19 March 1936.",
      "dob | My daughter's date of birth is 11/11/2011.",
      "dob | Dad, born 2 June 1941, has vascular dementia.",
      "dob | Her birthday is 7th December 1958.",
    ],
  },
  {
    group: "dob-other",
    lines: [
      "dob | His DOB is 02-Mar-1950.",
      "dob | Gran was born on Boxing Day 1933.",
      "dob | Mum turns 80 on 9 July.",
      "dob | She'll be 100 on 3rd October, the home is planning a party.",
      "dob | born 28-Feb-1962",
      "dob | He celebrates his 75th birthday on 12 August.",
    ],
  },
  {
    group: "social",
    lines: [
      "social | Our petition is on facebook.com/savebrooklandsdaycentre.",
      "social | Find me on instagram.com/life.with.leah.",
      "social | I'm @wearycarer_wales on there.",
    ],
  },
  {
    group: "blog",
    lines: [
      "social | I blog at www.mariannedaviescarer.co.uk.",
      "social | It's all on chiomaobicares.wordpress.com if you want the detail.",
      "social | Posts at https://tomaszkowalskiwrites.substack.com/p/respite.",
    ],
  },
  {
    group: "name-title",
    lines: [
      "name:Mensah | Dr Mensah was the only consultant who listened.",
      "name:Ó_Ceallaigh | Mr Ó Ceallaigh from the panel was fair.",
      "name:Bhattacharya | Mrs Bhattacharya chaired the review.",
      "name:Llywelyn | Cllr Llywelyn raised it at the scrutiny committee.",
    ],
  },
  {
    group: "name-west-african",
    lines: [
      "name:Adunni | Our PA Adunni cooks jollof for him on Fridays.",
      "name:Obinna | Obinna from the agency was the only one who turned up.",
      "name:Ama | The support worker called Ama is brilliant with Mum.",
      "name:Babatunde_Ogunleye | Babatunde Ogunleye did the best interests assessment.",
      "name:Efua | Efua takes him to church on Sundays.",
      "name:Chukwuemeka | We asked for Chukwuemeka because Dad trusts him.",
    ],
  },
  {
    group: "name-south-asian",
    lines: [
      "name:Manpreet | Manpreet, our OT, got the bath lift sorted.",
      "name:Rizwan | My son's PA Rizwan plays cricket with him.",
      "name:Deepika_Sharma | Deepika Sharma was the duty social worker.",
      "name:Shabana | Shabana at the carers centre translated for Mum.",
      "name:Arjun | Arjun covers Saturday mornings.",
      "name:Tahmina | The nurse called Tahmina was lovely.",
    ],
  },
  {
    group: "name-irish-gaelic",
    lines: [
      "name:Caoimhe | Caoimhe from the review team rang back within the hour.",
      "name:Seamus | My uncle Seamus helps with the shopping.",
      "name:Róisín | Our PA Róisín is moving back to Ireland, we're gutted.",
      "name:Ailsa | Ailsa at the memory clinic was very patient.",
      "name:Fionnuala | The social worker, Fionnuala, came to every meeting.",
      "name:Lachlan | Lachlan drives Gran to the day centre.",
    ],
  },
  {
    group: "name-welsh",
    lines: [
      "name:Gwenllian | Gwenllian, his support worker, speaks Welsh with him.",
      "name:Emrys | Our PA Emrys has been with us since 2020.",
      "name:Llinos | Llinos from the council did the carer's assessment.",
      "name:Tudur | Tudur took him to the rugby.",
      "name:Nia_Pritchard | Nia Pritchard was the advocate at the hearing.",
    ],
  },
  {
    group: "name-other-origins",
    lines: [
      "name:Agnieszka | Agnieszka has been Dad's live-in carer for three years.",
      "name:Florin | Our PA Florin is the only one who can shave him.",
      "name:Nomvula | The support worker Nomvula sings to her.",
      "name:Hamdi | Hamdi from the agency does the morning call.",
      "name:Wiktoria | My daughter's PA Wiktoria is studying social work.",
    ],
  },
  {
    group: "name-english",
    lines: [
      "name:Karen | Karen at the brokerage sorted it in a day.",
      "name:Neil_Hargreaves | Neil Hargreaves was our social worker until he retired.",
      "name:Dean | My son Dean loves the bus.",
      "name:Tracey | Tracey does the Wednesday sit.",
    ],
  },
  {
    group: "name-lowercase-kinship",
    lines: [
      "name:olu | my son olu is non verbal",
      "name:niamh | my daughter niamh has her review next week",
      "name:rhys | my husband rhys has MS",
      "name:amara | our PA amara is leaving",
      "name:aisha | my sister aisha helps at weekends",
      "name:owain | my son owain starts college in September",
    ],
  },
  {
    group: "name-praise",
    lines: [
      "name:Folasade | Shout out to Folasade at the carers centre.",
      "name:Gareth | Huge thanks to Gareth who sorted the ramp.",
      "name:Shona | Thank you to Shona for staying late.",
      "name:Kwame | Big shout out to Kwame from the day service.",
      "name:Ffion | Thanks so much Ffion, you're a star.",
    ],
  },
  {
    group: "name-role",
    lines: [
      "name:Jola | Our PA Jola has gone back to Poland.",
      "name:Sinéad | We have a social worker called Sinéad now.",
      "name:Dayo | The OT Dayo brought a perching stool.",
      "name:Ewa | A carer named Ewa starts Thursday.",
      "name:Ifeoma | His keyworker Ifeoma is leaving.",
    ],
  },
  // ---------------------------------------------------------------------------------------
  // Left alone
  {
    group: "clean-sector",
    lines: [
      "- | Marie Curie sent a nurse for the last two nights.",
      "- | Macmillan nurses are stretched thin round here.",
      "- | Mencap's advice line told us about the appeal.",
      "- | We did the Herbert Protocol after he went missing twice.",
      "- | Shared Lives carers are assessed like foster carers.",
      "- | The Carers Trust funded the respite break.",
      "- | Age Cymru sent someone to help with the forms.",
      "- | The Stroke Association ran a group at the library.",
      "- | Parkinson's UK funded a nurse specialist.",
      "- | Sense supports him with his deafblindness.",
      "- | MS Society grants helped with the wheelchair.",
      "- | The Motor Neurone Disease Association lent us equipment.",
    ],
  },
  {
    group: "clean-places",
    lines: [
      "- | We moved from Derby to Nottingham and lost the package.",
      "- | Wigan's brokerage team is small but good.",
      "- | Swansea Bay health board handles CHC here.",
      "- | The hospital in Preston kept him for six weeks.",
      "- | Conwy council took a year to assess him.",
      "- | Halifax has no Changing Places toilet.",
      "- | Bradford and Leeds both use the same payroll provider.",
      "- | Aberdeen's day services reopened in spring.",
    ],
  },
  {
    group: "clean-calendar",
    lines: [
      "- | The review is booked for June.",
      "- | Every Thursday he goes to the club.",
      "- | In April the rates went up.",
      "- | Since January we've had no respite.",
      "- | Over Christmas the agency had no staff.",
    ],
  },
  {
    group: "clean-assistants",
    lines: [
      "- | Alexa tells him the time every hour.",
      "- | He uses Siri to send me messages.",
      "- | Alexa drop-in means I can check on Mum.",
    ],
  },
  {
    group: "clean-placeholders",
    lines: [
      "- | Mrs Y from the council was helpful.",
      "- | Mr X lives in the flat next door.",
      "- | My son (I'll call him P) loves trains.",
      "- | Service user A and service user B share a PA.",
    ],
  },
  {
    group: "clean-common-words",
    lines: [
      "- | Will anyone from the council answer the phone?",
      "- | May be worth asking for a reassessment.",
      "- | Hope you all have a restful weekend.",
      "- | Grace and patience are needed in this job.",
      "- | Bill the council for the extra hours.",
      "- | Rose petals were scattered at his funeral.",
      "- | Frank advice from the advocate helped.",
      "- | Sterling work from the agency this month.",
      "- | Penny pinching is the only explanation.",
      "- | Dean's list of things to fix is long.",
    ],
  },
  {
    group: "clean-dates",
    lines: [
      "- | The direct payment started on 6 April 2024.",
      "- | Review due 01/03/2026.",
      "- | The panel date is 15th September 2025.",
      "- | He went into the home on 30 November 2023.",
      "- | We were told on 12 May that the hours would be cut.",
      "- | The appeal was lodged on 4/12/2024.",
    ],
  },
  {
    group: "clean-numbers",
    lines: [
      "- | We get £19,800 a year for 25 hours a week.",
      "- | The PA rate is £14.10 an hour.",
      "- | The cut was from 56 to 40 hours a week.",
      "- | Respite costs £1,150 a week at the home.",
      "- | We waited 14 weeks for the OT.",
      "- | He needs 2 carers, 4 times a day.",
      "- | Payroll charge £24.50 a month.",
      "- | The contribution went up by £12.80 a week.",
    ],
  },
  {
    group: "clean-law",
    lines: [
      "- | The Care Act 2014 gives carers rights to an assessment.",
      "- | Section 20 of the Care Act is about carers.",
      "- | The Mental Health Act 1983 section 117 covers aftercare.",
    ],
  },
  {
    group: "clean-ages",
    lines: [
      "- | He is 93 and refuses to use the frame.",
      "- | Mum is 79 and has had three falls.",
      "- | Our son is 31 and still lives at home.",
    ],
  },
  {
    group: "clean-general",
    lines: [
      "- | The review went better than expected.",
      "- | Our PA has been off sick for a month.",
      "- | The social worker changed three times in a year.",
      "- | I don't know how much longer I can do this.",
      "- | The capacity assessment was done in ten minutes.",
      "- | Best interests decisions should involve the family.",
      "- | Direct payments are hard work but worth it.",
      "- | The agency can't find anyone for weekends.",
      "- | Dementia care homes are so expensive.",
      "- | Thank you all for the kind words.",
      "- | Hello everyone, new here.",
      "- | The Court of Protection took eight months.",
      "- | The ISF gave us flexibility we never had.",
      "- | Continuing Healthcare funding was withdrawn.",
      "- | NHS Wales has a different CHC framework.",
      "- | We got a Blue Badge after the second try.",
    ],
  },
];
