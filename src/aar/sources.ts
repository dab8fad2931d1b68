/**
 * The sources an after-action review cites, by the codes of docs/HISTORY.md (which holds the full
 * reasoning). Lessons name their evidence by code, so a trainer can follow a claim to its source.
 */
export const SOURCES = {
  'MIC-0218':
    'Korean Ministry of Information and Communication, investigation results of 18 Feb 2003 (newstown.co.kr idxno=2090; edaily)',
  'CAIDA-TR':
    'D. Moore, V. Paxson, S. Savage, C. Shannon, S. Staniford, N. Weaver, "The Spread of the Sapphire/Slammer Worm", CAIDA technical report, February 2003',
  M03: 'D. Moore et al., "Inside the Slammer Worm", IEEE Security & Privacy 1(4):33–39, 2003, doi:10.1109/MSECP.2003.1219056',
  KESIDIS:
    'G. Kesidis et al., "A model of the spread of randomly scanning Internet worms that saturate access links", ACM TOMACS 18(2), 2008',
  JOONGANG: 'JoongAng Ilbo / JoongAng Daily, 26–28 Jan 2003 (aid=1925866, 1926479)',
  DONGA: 'Dong-A Ilbo (English), 26 Jan 2003 (2003-01-26/227012)',
  CCTODAY: 'Chungcheong Today, 26 Jan 2003 (Guro DNS overload at 16:00)',
  SBS: 'SBS news N0311361948, N0311362113 (25–26 Jan 2003)',
  HANKYUNG: 'Hankyung 2003012665251 (MIC task force, port blocking, minister’s Monday warning)',
  KCC: 'Korea Communications Commission refund decision, 13 Oct 2003 (Dong-A 20031013/7991054; JoongAng 282435)',
} as const;

export type SourceCode = keyof typeof SOURCES;
