package corpus

// moreSpeechVerbs are verbs of saying that news uses after a quotation or
// before a partial one, beyond the core list in lexicon.go: "…,” Lee
// quipped; Kim thanked them for “…”. Inflected like the others. Kept in
// their own table so that the core list stays readable.
var moreSpeechVerbs = words(`
bark mock thank bemoan muse recount lash snap concur caution gush mutter
marvel exclaim grumble acknowledge insist chide scold taunt sneer ridicule
applaud hail commend laud lambast excoriate assail berate castigate deride
jab needle tease wonder ponder opine posit interject elaborate clarify
emphasize recollect reminisce vent bristle rail whine grouse gripe
concede surmise declare profess reckon figure guess
`)

// moreSpeechForms is every inflected form of moreSpeechVerbs, with the
// doubled consonants inflect does not make.
var moreSpeechForms = func() map[string]bool {
	m := inflect(moreSpeechVerbs)
	for _, f := range []string{"snapped", "snapping", "jabbed", "jabbing", "needled", "railed"} {
		m[f] = true
	}
	return m
}()
