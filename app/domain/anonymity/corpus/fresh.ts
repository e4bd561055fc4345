// Fresh part of the identifying-details corpus: written after the detector had been tuned on the
// other two parts, with names, places and sector words chosen to be absent from its lists, and
// scored once before any further change (the figures are in docs/identifying-details.md). Same
// format as tuning.ts.
import type { CorpusGroup } from "./format";

export const FRESH: CorpusGroup[] = [
  {
    group: "email",
    lines: [
      "email | Best to reach me on wheelchair.wendy at btinternet dot com.",
      "email | Her email's lyn (at) carersnet (dot) org (dot) uk.",
      "email | You can write to isf.queries@provider.example.org about the invoice.",
      "email | I'm grumpy_grandad_58 at gmail.com if you want to swap notes.",
    ],
  },
  {
    group: "phone",
    lines: [
      "phone | I'm on 07700 900 264 most afternoons.",
      "phone | The helpline is 0300 123 1053 and they're really good.",
      "phone | Call the office on +44 (0)113 496 0410.",
      "phone | Mum's number is 01632 960 903, she likes a chat.",
    ],
  },
  {
    group: "postcode",
    lines: [
      "postcode | We're in the HU9 area, east of the city.",
      "postcode | Anyone near DY4 with a spare hoist sling?",
      "postcode | The bungalow's postcode is NP20 4AB.",
      "postcode | He lives in SR5 now, on his own.",
    ],
  },
  {
    group: "nhs-ni",
    lines: [
      "nhs | His NHS number: 731 936 1310.",
      "nhs | The hospital passport has 624 772 1617 on it.",
      "ni | NI number QQ 78 90 12 D is on the payslip.",
    ],
  },
  {
    group: "address",
    lines: [
      "address | Dad's at 23 Tan y Bryn Road now.",
      "address | She moved to 6 Heol Tir Coch in the spring.",
      "address | They live at Pear Tree Cottage, Mill Lane.",
      "address | The supported living flats are at 10 Riverside Walk.",
      "address | Post to 7 Glebe Crescent and mark it private.",
    ],
  },
  {
    group: "dob",
    lines: [
      "dob | Mum's date of birth is 14.08.1937.",
      "dob | He was born on 1 March 1949 in Rhyl.",
      "dob | Born 23-Oct-1955, if the form asks.",
      "dob | Dad turns 88 on 2 December.",
      "dob | Our son's DOB is 19/06/2006.",
    ],
  },
  {
    group: "social",
    lines: [
      "social | I write at thomasquinlanwrites.wordpress.com about being a young carer.",
      "social | It's on facebook.com/caring.for.nanna.june.",
      "social | I'm @sleepless_in_swansea on Instagram.",
    ],
  },
  {
    group: "names",
    lines: [
      "name:Tafadzwa | Our PA Tafadzwa is training to be a nurse.",
      "name:Wanjiru | Wanjiru from the agency sings Kikuyu songs with Mum.",
      "name:Semhar | The support worker called Semhar was so gentle.",
      "name:Grzegorz | Grzegorz has done Dad's nights for two years.",
      "name:Małgorzata | My carer Małgorzata is going home to Poland.",
      "name:Dearbhla | Dearbhla at the memory clinic rang us herself.",
      "name:Kirsteen | Kirsteen, our social worker, fought for the extra hours.",
      "name:Gwion | Our PA Gwion is only nineteen but brilliant.",
      "name:Tharshini | Thanks to Tharshini at the carers centre.",
      "name:Mehwish | The OT Mehwish measured for the stair lift.",
      "name:Delroy | Delroy covers the Sunday shift.",
      "name:Maricel | Maricel is the only nurse who can get him to eat.",
      "name:Oghenekaro | Shout out to Oghenekaro who stayed past midnight.",
      "name:Abdiweli | My son's support worker Abdiweli takes him to the gym.",
      "name:Desislava | A carer named Desislava starts on Monday.",
      "name:Arben | Arben from the ISF provider sorted it in a day.",
      "name:João | Our PA João cooks with him on Saturdays.",
      "name:Mihaela | Mihaela said she'd raise it with the manager.",
      "name:Xiaoling | The interpreter, Xiaoling, came to the review.",
      "name:Rūta | Rūta has been with us since the stroke.",
      "name:Caoilfhionn | My niece Caoilfhionn helps on Saturdays.",
      "name:Iain_Matheson | Iain Matheson was the social worker then.",
      "name:Ebunoluwa | Massive thanks to Ebunoluwa for sorting the payroll.",
      "name:Nana_Ama | We asked for Nana Ama again because Dad likes her.",
      "name:Okwuosa | Dr Okwuosa wrote the capacity report.",
      "name:Ní_Dhonnchadha | Ms Ní Dhonnchadha chaired the panel.",
      "name:ebun | my daughter ebun has her EHCP review on Friday",
      "name:tafari | my son tafari is 14 and autistic",
      "name:gwenno | my wife gwenno has early onset dementia",
      "name:dorota | our PA dorota is leaving",
    ],
  },
  // ---------------------------------------------------------------------------------------
  // Left alone
  {
    group: "clean-sector",
    lines: [
      "- | Home Instead were the only agency with any staff.",
      "- | The Joseph Rowntree Foundation report on care costs is worth reading.",
      "- | We bought the bath seat from John Lewis in the end.",
      "- | He was at Great Ormond Street until he was eighteen.",
      "- | Alder Hey did his spinal surgery.",
      "- | The Queen Elizabeth Hospital discharged him on a Friday night.",
      "- | Addenbrooke's has a good transition clinic.",
      "- | Bluebird Care took over the contract last year.",
      "- | The King's Fund says the social care workforce is shrinking.",
      "- | Martha's Rule means we can ask for a second opinion on the ward.",
      "- | Prince Philip Hospital has no dementia ward now.",
      "- | Helping Hands sent a live-in carer for two weeks.",
      "- | We applied to the Florence Nightingale Foundation for a grant.",
      "- | Specsavers did a home visit for his glasses.",
      "- | Access to Work paid for my support worker at the office.",
    ],
  },
  {
    group: "clean-places",
    lines: [
      "- | Hastings has a really good carers centre.",
      "- | We drove from Beverley to Hull for the appointment.",
      "- | Shirley is where the day centre used to be.",
      "- | Mansfield and Worksop share one OT team.",
      "- | Kettering General were good with him.",
      "- | Aberystwyth has no Changing Places toilet.",
      "- | Bangor's memory clinic has a long waiting list.",
      "- | Paisley has lost two day centres in three years.",
      "- | Lisburn council runs a good carers scheme.",
      "- | Tamworth and Lichfield are covered by one team.",
    ],
  },
  {
    group: "clean-common-words",
    lines: [
      "- | Will do, thanks for the advice.",
      "- | Hope your review goes well tomorrow.",
      "- | Faith in the system is at an all time low.",
      "- | Holly and ivy decorations went up at the home.",
      "- | Heather on the hills is lovely in August.",
      "- | Pat answers like that are not helpful.",
      "- | Guy Fawkes night is hard with his sensory issues.",
      "- | Carol singers came to the care home.",
    ],
  },
  {
    group: "clean-dates-numbers",
    lines: [
      "- | The ISF started on 2 September 2024.",
      "- | The reassessment is on 21/01/2026.",
      "- | Our budget went up to £31,200 from April.",
      "- | He gets 21 hours a week plus two sleep-ins.",
      "- | We paid £2,430.60 in contributions last year.",
      "- | The review on 6 June 1999 was the first one I remember.",
      "- | Call time went from 30 to 15 minutes.",
      "- | Room 12 on Ward 7 has a view of the car park.",
    ],
  },
  {
    group: "clean-general",
    lines: [
      "- | The Mental Capacity Act says to assume capacity.",
      "- | Hi everyone, any advice on appealing a CHC decision?",
      "- | The agency manager never returned my calls.",
      "- | Our social worker retired and we've had nobody since.",
      "- | Respite at the home was cancelled again.",
      "- | The care plan says he needs two carers for all transfers.",
      "- | Thanks for reading, it helps to write it down.",
      "- | My husband's PA is the reason he can still go to work.",
      "- | Direct payments in Wales work a bit differently.",
      "- | Universal Credit and carer's allowance don't mix well.",
    ],
  },
];
