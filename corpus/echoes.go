package corpus

import "strings"

// A lead often quotes a few words of a statement the body gives in full:
// "… with the minister accusing Labor of a “shameful lie” and the
// opposition hitting back at a campaign of “fear and greed”", then, lower
// down, “My opponent runs on fear and greed,” Lee said. The lead's sentence
// carries the accuser's cue, but the words are those of the accused's
// statement that holds them.
//
// Only that case is read: words of one side found in the other's statement
// are as often quoted back ("Comey called it “careless”", then a rival's
// “… ‘careless’ …”) as excerpted, and only a dispute's two sides tell the
// accused's counter-words from a phrase bandied about.

// maxEchoWords is the longest lead quotation read as an excerpt of a
// longer statement.
const maxEchoWords = 6

// minEchoWords is the fewest words an excerpt needs: two words ("turn
// away") are a phrase anyone may use.
const minEchoWords = 3

// leadParagraphs is how many opening paragraphs count as the lead.
const leadParagraphs = 2

// reattributeEchoes gives a short quotation the lead gives the accuser the
// speaker and party of the one longer statement of the accused below that
// holds its words, when the accuser says them nowhere else. Words the
// statement denies or distances itself from ("this is not a cash grab",
// "their so-called reforms") are the accuser's, and stay where they are.
func reattributeEchoes(a *Article) {
	if a.Accuser == "" || a.Accused == "" {
		return
	}
	for i := range a.Quotes {
		q := &a.Quotes[i]
		if q.Kind != Direct || q.Paragraph >= leadParagraphs || q.Party != a.Accuser || moreWordsThan(q.Text, maxEchoWords) {
			continue
		}
		frag := wordString(q.Text)
		if strings.Count(frag, " ") <= minEchoWords { // " a b c " has four spaces
			continue
		}
		holder := -1
		for j := range a.Quotes {
			l := &a.Quotes[j]
			if j == i || l.Kind != Direct || len(l.Text) <= len(q.Text) {
				continue
			}
			at := strings.Index(wordString(l.Text), frag)
			if at < 0 {
				continue
			}
			if l.Speaker == q.Speaker || l.Speaker == "" || holder >= 0 && a.Quotes[holder].Speaker != l.Speaker {
				holder = -2 // its own speaker says them too, or more than one does
				break
			}
			if distancedEcho(wordString(l.Text)[:at]) {
				holder = -2
				break
			}
			holder = j
		}
		if holder < 0 || a.Quotes[holder].Party != a.Accused {
			continue
		}
		h := &a.Quotes[holder]
		q.Speaker, q.Party, q.RoleTitle = h.Speaker, h.Party, h.RoleTitle
	}
}

// wordString is a text's lower-case words, each with a space either side:
// " fear and greed ".
func wordString(s string) string {
	var b strings.Builder
	b.WriteByte(' ')
	forEachWord(strings.ToLower(s), func(w string) bool {
		b.WriteString(w)
		b.WriteByte(' ')
		return true
	})
	return b.String()
}

// distancers, in the last words before an echo, make it words the speaker
// denies or attributes to others: "not a cash grab", "no scare campaign",
// "their so-called reforms", "what they call a plan".
var distancers = words(`not no never nor t so-called called call calls calling`)

// distancedEcho reads the three words before an echo ("not running on").
func distancedEcho(before string) bool {
	ws := strings.Fields(before)
	for k := max(0, len(ws)-3); k < len(ws); k++ {
		if distancers[ws[k]] {
			return true
		}
	}
	return false
}
