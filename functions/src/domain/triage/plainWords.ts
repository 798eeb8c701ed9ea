/**
 * Common words that are simply themselves: never taken for a typo of a word the lexicon
 * knows ("change" is not "charge", "there" is not "three", "still" is not "stall").
 */
export const plainWords: ReadonlySet<string> = new Set(
  `about above after again against almost alone along already also always among another answer
  anyone anything around asked asking because become before begin being below better between
  bring build built called calls came change changed changes changing check checked clear click
  close closed colleague colleagues could couple daily dates doing during early either email
  emails enough every everything exact example except fine first found friday given going great
  happen happened happens having hello heard hours house income instead issue items itself keeping
  known large later least leave letter light likely little local longer looks lower making maybe
  means meeting might minute minutes month months morning never night noticed number often order
  other others output owner paper people person phone place plans please point power press
  price prior quick quite rather ready really reason right round sales second seems sending
  sense sent shows since small sorry sound start started state still store sure system table
  taken teams thank thanks their there these thing things think those three through today
  together tried twice under until using usual value video wanted watch where whether which
  while whole within without woman words work worked working works world would write wrong
  years yesterday young yours`.split(/\s+/),
);
