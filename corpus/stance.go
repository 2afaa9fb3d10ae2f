package corpus

// Word tables for sides and roles that the lexicon's general tables do not
// hold. Like lexicon.go, nothing here names a story.

// stateNouns after a country name keep it a government rather than a
// company named after the country: "UK Government", "Russian Embassy".
var stateNouns = words(`government administration parliament embassy consulate
ministry cabinet army navy military forces police authorities officials state
people republic kingdom federation high court supreme senate house assembly
opposition`)

// leadRebuttals add to rebuttalVerbs the forms a lead uses for a party
// answering a charge: "is refuting", "has contested", "lashed out at",
// "apologised".
var leadRebuttals = words(`refuting rejecting denying dismissing rebutting
contested contesting defending reacting responding
lash lashes lashed lashing fire fires fired firing hitting pushing
apologise apologises apologised apologising apologize apologizes apologized
apologizing distanced replied replies replying retorted retorts counter-attacked`)

// backVerbs answer a charge only with "back" or "out" after them: "hits
// back", "lashed out", "fired back"; "a storm hit the coast" does not.
var backVerbs = words(`hit hits hitting lash lashes lashed lashing fire fires fired firing
push pushes pushed pushing`)

// leadAccusations add to accusingVerbs the charging and punishing verbs of
// a lead: their subject accuses, their object stands accused, and in the
// passive ("Garforth are banned") the subject stands accused. Forms that
// are also nouns ("a ban", "a probe", "the governor contest") are left out.
var leadAccusations = words(`alleges alleged alleging banned banning
suspends suspended suspending expels expelled expelling
prosecutes prosecuted prosecuting investigates investigated investigating
probed probing`)

// wrongdoingVerbs in a lead make their subject the accused party: "the
// minister shielded his aide", "hackers stole data". Forms that are also
// nouns ("abuses", "hacks", "oil rigs") are left out.
var wrongdoingVerbs = words(`hacked steal steals stole shielded
falsified falsifies misled misleads breached violated violates assaulted
harassed harasses bullied defrauded defrauds cheated abused covered-up lied
rigged bribed embezzled embezzles tampered plagiarised plagiarized doped`)

// chargeDocuments are documents that bring a charge: whoever issues one is
// the accusing side.
var chargeDocuments = words(`complaint lawsuit suit indictment writ petition
charge-sheet claim`)

// apologyWords make a statement an answer to a charge: an apology
// concedes it.
var apologyWords = prefixes(`sorry apolog`)

// lieWords call something a lie. They deny a charge ("That is a lie") as
// often as they make one ("they lie every day"), so alone they tell no side.
var lieWords = prefixes(`lie lying liar`)

// statementAccuses reads a lower-case statement whose first textLen bytes
// are the quoted words: the words themselves accuse, or the sentence around
// them says the speaker accuses ("she alleged", "he accused …"). Words
// that deny as often as they accuse ("misleading") do not count. Other
// words around a quotation ("arrested on suspicion of abuse") report the
// story, not the speaker's charge. cues remembers the cue read last.
func statementAccuses(lower string, textLen int, cues *cueReader) bool {
	found := false
	forEachWord(lower[:textLen], func(w string) bool {
		in := lexiconsOf(w)
		found = in.has(accusationWords) && !in.has(denialWords)
		return !found
	})
	if found {
		return true
	}
	return cues.charges(lower[textLen:])
}

// cueReader reads the cues of an article's statements in turn. The
// statements of one sentence share its cue: a sentence of thousands of
// quotations would have it read for each, so a cue like the last one read
// is answered from memory. The zero reader has read the empty cue, which
// charges no one.
type cueReader struct {
	last    string
	charged bool
}

// charges reports whether a cue says its speaker charges someone.
func (r *cueReader) charges(cue string) bool {
	if cue != r.last {
		r.last, r.charged = cue, lexiconsIn(cue, chargingCue.bit).has(chargingCue)
	}
	return r.charged
}

// chargingCue holds the words around a statement that say its speaker
// charges someone: the charging verbs of accusingVerbs and
// leadAccusations, and any word starting "alleg".
var chargingCue = func() lexicon {
	l := wholeWords(accusingVerbs, leadAccusations)
	l.add("alleg")
	return l
}()

// accusesDenies reports whether a statement or its cue accuses, and
// whether either denies or the statement apologises: one pass over the
// words of the statement, reading every table at once. cue is what
// cueLexicons found in the statement's cue, which the quotations of a
// sentence share: read once for the sentence, not once for each of them.
func accusesDenies(lower string, textLen int, cue lexSet) (accuses, denies bool) {
	own := lexiconsIn(lower[:textLen], accusationWords.bit|denialWords.bit)
	accuses = own.has(accusationWords) || cue.has(accusationWords)
	denies = own.has(denialWords) || own.has(apologyWords) || cue.has(denialWords)
	return accuses, denies
}

// cueLexicons is what accusesDenies needs to know of a lower-case cue:
// whether it accuses and whether it denies.
func cueLexicons(cueLower string) lexSet {
	return lexiconsIn(cueLower, accusationWords.bit|denialWords.bit)
}

// moreChargeWords are charges the lexicon's accusationWords lacks, from
// workplace, consumer and conduct disputes rather than state ones. They
// join that table at start-up, so that every rule reading a charge sees
// them.
var moreChargeWords = prefixes(`bully bullie misled racis discriminat negligen
harass assault endanger falsif cover-up unsafe scandal vendetta victimis
victimiz intimidat smear-campaign overcharg conceal hid hiding dereliction
pay-to-play collusion collud obstruct incompeten perjur brib kickback nepotis
cronyis extort blackmail plagiar sabotag persecut scam crook`)

func init() {
	for _, p := range moreChargeWords.list() {
		accusationWords.add(p)
	}
}

// chargeNouns name a charge whose maker follows "by" or "from".
var chargeNouns = words(`claim claims allegation allegations accusation accusations
charge charges criticism complaint complaints report reports suggestion suggestions`)

// chargeNounWords is chargeNouns as a lexicon, for reading a text in one pass.
var chargeNounWords = wholeWords(chargeNouns)

// flatDenials deny a charge in so many words. Only they make a speaker
// outside the main dispute an answering party: "we will consider the
// appeal" or "I was disappointed" do not.
var flatDenials = prefixes(`deny deni reject refut rebut false untrue baseless
groundless unfounded fabricat slander smear nonsense categoric innocent`)

// chargeBefore are the words that, just before "against", make what follows
// the accused: "a fine against", "a lawsuit filed against".
var chargeBefore = words(`fine fines penalty lawsuit suit complaint complaints case
charges allegations accusations claims sanctions action proceedings filed brought
lodged levelled leveled hurled made`)

// punishments, named after "after" in a lead that has a party accusing
// another, make the accuser the punished side hitting back.
var punishments = words(`ban bans banned banning fine fined fines suspended
suspension sacked expelled deducted deduction sanctioned penalised penalized
disqualified relegated convicted charged arrested indicted`)
