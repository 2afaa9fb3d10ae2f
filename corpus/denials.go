package corpus

import "strings"

// Some denial words deny a charge only inside a phrase: "I never said
// that", "taken out of context", "disappointed by the ruling", "I am
// deeply sorry". Alone they are everyday words of political talk ("we will
// never give up", "we oppose the bill", "an appeal to voters", "I'm
// disappointed in the party"), and a speaker who uses them is no accused
// party for that.

// weakDenials are the denial and apology words that need their phrase.
// Words that oppose a policy ("oppose", "opposition") or describe an event
// ("unprecedented") never deny a charge by themselves.
var weakDenials = prefixes(`never oppos appeal politically victim unprecedented
disappoint shocked regret sorry innocent context`)

// deniesOutright reports whether a lower-case text denies a charge or
// apologises: a denial word that is no accusation word too, in its phrase
// when it needs one, or an apology. Words in both tables ("lies",
// "misleading", "irresponsible") and every word calling something a lie
// deny a charge as often as they make one, so alone they tell no side.
//
// One pass over the words: the two before each word are kept, and a weak
// word that needs the words after it waits for them.
func deniesOutright(lower string) bool {
	var prev, prev2 string
	var waiting string // a weak word whose phrase is still open
	left := 0          // words it still waits for
	found := false
	forEachWord(lower, func(w string) bool {
		if left > 0 {
			left--
			switch {
			case waiting == "politically":
				found = w == "motivated" || w == "driven"
				left = 0
			case waiting == "appeal":
				found = !appealObjects[w]
				left = 0
			default: // disappointed, shocked
				found = decisionNouns[w]
			}
			if found {
				return false
			}
		}
		in := lexiconsOf(w)
		switch {
		case in.has(weakDenials):
			switch {
			case w == "politically":
				waiting, left = w, 1
			case strings.HasPrefix(w, "appeal"):
				waiting, left = "appeal", 1
			case strings.HasPrefix(w, "disappoint"), w == "shocked":
				waiting, left = "disappointed", maxDecisionGap
			default:
				found = deniesAfter(w, prev, prev2)
			}
		case in.has(denialWords) && !in.has(accusationWords) && !in.has(lieWords) || in.has(apologyWords):
			found = true
		}
		prev2, prev = prev, w
		return !found
	})
	// "we will appeal.": the statement ends where the object would be.
	return found || left > 0 && waiting == "appeal"
}

// maxDecisionGap is how many words may come between "disappointed" and
// what disappointed: "disappointed by the panel's ruling".
const maxDecisionGap = 4

// deniesAfter reads the words before a weak denial word w.
func deniesAfter(w, prev, prev2 string) bool {
	switch {
	case w == "never":
		// "I never said", "we have never taken", "I've never met him".
		return firstPerson[prev] || denialAuxiliaries[prev] && firstPerson[prev2]
	case strings.HasPrefix(w, "victim"):
		// "I am the victim of a smear", "we are victims".
		return beVerbs[prev] || (prev == "a" || prev == "the") && beVerbs[prev2]
	case w == "regrettable":
		return beVerbs[prev] // "it is regrettable that …"
	case w == "regrets":
		return true // "the company regrets the error": a formal apology
	case strings.HasPrefix(w, "regret"):
		return firstPerson[prev] || firstPerson[prev2]
	case w == "sorry", w == "innocent":
		// "I am deeply sorry", "we're sorry", "he is innocent"; not
		// "Sorry, I just …" or "innocent shoppers".
		return beVerbs[prev] || beVerbs[prev2]
	case w == "context":
		return prev == "of" && prev2 == "out"
	}
	return false
}

// firstPerson subjects. "I've" reads as "i" and "ve".
var firstPerson = words(`i we`)

// denialAuxiliaries come between a subject and "never": "we have never".
var denialAuxiliaries = words(`have had ve d did was were am are m re`)

// beVerbs, with the contracted forms forEachWord leaves ("I'm" → "i", "m").
var beVerbs = words(`am is are was were be been m re s`)

// appealObjects after "appeal" make it an attraction, not a legal step.
var appealObjects = words(`to in for with among`)

// decisionNouns are what a party is disappointed by when it answers a
// charge or a penalty.
var decisionNouns = words(`decision decisions ruling rulings outcome verdict
result results finding findings judgment judgement sanction sanctions ban fine
penalty punishment report reports allegation allegations claim claims charge
charges accusation accusations article story`)
