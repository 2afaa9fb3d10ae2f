package corpus

import "strings"

// publicBodyNouns stand for a public body ("the agency said"), and name one
// when they end an organisation's name ("Civil Aviation Authority").
var publicBodyNouns = words(`agency regulator watchdog authority commission department
ministry office administration council court board bureau service inspectorate
tribunal government police`)

// isAcronym reports whether ts[i] is an organisation's acronym ("FAA",
// "ASA"): two to six capitals, not a place or country ("UK", "NATO" is
// in the gazetteer as a party), not a transcript label ("KM:").
func isAcronym(ts []token, i int) bool {
	t := &ts[i]
	if t.kind != tWord || !t.cap || len(t.base) < 2 || len(t.base) > 6 || t.base[1] < 'A' || t.base[1] > 'Z' ||
		!isAllCaps(t.base) || strings.ContainsRune(t.base, '.') {
		return false
	}
	if i+1 < len(ts) && ts[i+1].text == ":" || t.is(cGazetteer) && gazetteerRun(ts[i:]) > 0 {
		return false
	}
	return true
}

// isPublicBody reports whether an organisation's name reads as a public
// body: its last word is one, or it is an acronym.
func isPublicBody(name string) bool {
	return isAllCaps(name) || publicBodyNouns[strings.ToLower(lastWordOf(name))]
}

// orgMeant finds the organisation a plain noun stands for ("the agency",
// "the airline", "it") at a position: the organisation named before it
// whose name holds the noun ("the airline" → "Northwind Airlines"), else
// the one named most often before it among those of the noun's kind
// (public bodies for "the agency", others for "the company"), the latest
// on a tie. noun "" accepts either kind.
func (r *registry) orgMeant(noun string, para, offset int) string {
	if noun != "" {
		if org := r.orgFor(noun); org != "" {
			return org
		}
		if org := r.firmNamedLikePerson(noun); org != "" {
			return org
		}
	}
	counts := map[string]int{}
	best, bestN := "", 0
	for _, m := range r.orgAt {
		if m.para > para || m.para == para && m.offset >= offset {
			break
		}
		if noun != "" && publicBodyNouns[noun] != isPublicBody(m.name) {
			continue
		}
		counts[m.name]++
		if counts[m.name] >= bestN {
			best, bestN = m.name, counts[m.name]
		}
	}
	return best
}

// genericFirmNouns may stand for any business: "the company" is the
// footwear label named before.
var genericFirmNouns = words(`company firm business brand label`)

// firmNamedLikePerson finds a business that bears a person's name and that
// the article introduced by what it is ("fashion label Ada Brandt",
// "the company Ole Lund"): the name scan took it for a person, with that
// noun as its title. "the label" or "the company" then stands for it.
func (r *registry) firmNamedLikePerson(noun string) string {
	for k := len(r.people) - 1; k >= 0; k-- {
		title := strings.ToLower(r.people[k].title)
		if i := strings.IndexByte(title, ','); i >= 0 {
			title = title[:i] // the words before the name, not its apposition
		}
		w := lastWord(title)
		if plainOrgNouns[w] && (w == noun || genericFirmNouns[noun] && genericFirmNouns[w]) {
			return r.people[k].name
		}
	}
	return ""
}
