package corpus

import (
	"strings"
	"unicode/utf8"
)

// gazetteer maps a name, demonym, capital or institution (lower case) to
// the party it stands for. Capitals stand for their governments ("Beijing
// said"), as news uses them. Longer keys win: "white house" before "white".
var gazetteer = buildGazetteer(`
united states|us|u.s.|u.s|usa|u.s.a.|america|american|americans|washington|white house|pentagon|state department|justice department|fbi|nsa|cia|cisa|biden administration|trump administration
china|chinese|beijing|prc|people's republic of china|people’s republic of china|ccp|chinese communist party|xinhua|mss|pla|zhongnanhai
russia|russian|russians|moscow|kremlin|russian federation|fsb|gru|svr
united kingdom|uk|u.k.|u.k|britain|great britain|british|england|english|london|downing street|whitehall|gchq|mi5|mi6|scotland|scottish|wales|welsh
nato|north atlantic treaty organization|atlantic alliance|the alliance
european union|eu|e.u.|e.u|brussels|european commission|european parliament
united nations|un|u.n.|u.n|security council
iran|iranian|iranians|tehran|islamic republic
north korea|north korean|pyongyang|dprk
south korea|south korean|seoul
japan|japanese|tokyo
india|indian|new delhi|delhi
pakistan|pakistani|islamabad
israel|israeli|israelis|jerusalem|tel aviv
palestine|palestinian|palestinians|ramallah|gaza|hamas
ukraine|ukrainian|ukrainians|kyiv|kiev
belarus|belarusian|minsk
germany|german|germans|berlin
france|french|paris|elysee|élysée
italy|italian|rome
spain|spanish|madrid
netherlands|dutch|the hague|amsterdam
belgium|belgian
poland|polish|warsaw
sweden|swedish|stockholm
norway|norwegian|oslo
finland|finnish|helsinki
denmark|danish|copenhagen
estonia|estonian|tallinn
latvia|latvian|riga
lithuania|lithuanian|vilnius
czech republic|czechia|czech|prague
hungary|hungarian|budapest
romania|romanian|bucharest
greece|greek|athens
turkey|turkish|türkiye|ankara
luxembourg|luxembourgish
albania|albanian|tirana
ireland|irish|dublin
canada|canadian|canadians|ottawa
mexico|mexican|mexico city
brazil|brazilian|brasilia|brasília
argentina|argentine|argentinian|buenos aires
venezuela|venezuelan|caracas
cuba|cuban|havana
australia|australian|australians|canberra
new zealand|wellington
taiwan|taiwanese|taipei
hong kong
vietnam|vietnamese|hanoi
philippines|philippine|filipino|manila
indonesia|indonesian|jakarta
malaysia|malaysian|kuala lumpur
singapore|singaporean
thailand|thai|bangkok
saudi arabia|saudi|saudis|riyadh
united arab emirates|uae|emirati|abu dhabi
qatar|qatari|doha
syria|syrian|damascus
iraq|iraqi|baghdad
egypt|egyptian|cairo
south africa|south african|pretoria
nigeria|nigerian|abuja
five eyes
g7|g-7|group of seven
g20|g-20
asean
african union
world health organization|who
interpol
`)

func buildGazetteer(table string) map[string]string {
	g := map[string]string{}
	for line := range strings.SplitSeq(strings.TrimSpace(table), "\n") {
		names := strings.Split(line, "|")
		party := displayParty(names[0])
		for _, n := range names {
			g[n] = party
		}
	}
	return g
}

// partyDisplay fixes the display form of parties whose first name is not
// simply capitalised.
var partyDisplay = map[string]string{
	"nato": "NATO", "european union": "European Union", "united nations": "United Nations",
	"five eyes": "Five Eyes", "g7": "G7", "g20": "G20", "asean": "ASEAN",
	"world health organization": "WHO",
}

func displayParty(key string) string {
	if d, ok := partyDisplay[key]; ok {
		return d
	}
	parts := strings.Fields(key)
	for i, p := range parts {
		parts[i] = strings.ToUpper(p[:1]) + p[1:]
	}
	return strings.Join(parts, " ")
}

// acronymOnly keys match only when written in capitals: "US" is the
// United States, "us" is a pronoun.
var acronymOnly = words(`us uk un eu who prc ccp mss pla fsb gru svr nsa fbi cia cisa dprk uae`)

// maxGazetteerWords is the longest key, in words.
const maxGazetteerWords = 5

// gazetteerFirst holds the first word of every gazetteer key, for the
// word classes (cGazetteer): the words gazetteerSpan holds, as a set.
var gazetteerFirst = func() map[string]bool {
	m := make(map[string]bool, len(gazetteerSpan))
	for w := range gazetteerSpan {
		m[w] = true
	}
	return m
}()

// gazetteerSpan is the most words of any entry starting with a word, for
// every word that starts one: one look-up tells lookupParty both whether
// a word can open an entry and how far to read.
var gazetteerSpan = func() map[string]int {
	m := map[string]int{}
	for k := range gazetteer {
		f := strings.Fields(k)
		m[f[0]] = max(m[f[0]], len(f))
	}
	return m
}()

// lookupParty finds the first gazetteer entry in a run of words, longest
// match first. It returns the party and how many words it used.
//
// Every capitalised word of every article is looked up here: ASCII words
// are lowered and joined on the stack, so that a word that starts no entry
// costs no allocation.
func lookupParty(ws []string) (string, int) {
	if len(ws) == 0 {
		return "", 0
	}
	var buf [128]byte
	key, ok := appendLowerASCII(buf[:0], ws[0])
	if !ok {
		return lookupPartyAny(ws)
	}
	span := gazetteerSpan[string(key)]
	if span == 0 {
		return "", 0
	}
	first := len(key)
	for n := min(len(ws), span); n >= 1; n-- {
		key = key[:first]
		for _, w := range ws[1:n] {
			key = append(key, ' ')
			if key, ok = appendLowerASCII(key, w); !ok {
				return lookupPartyAny(ws)
			}
		}
		p, found := gazetteer[string(key)]
		if !found || n == 1 && acronymOnly[string(key)] && ws[0] != strings.ToUpper(ws[0]) {
			continue
		}
		return p, n
	}
	return "", 0
}

// appendLowerASCII appends w lower-cased, or reports false if w is not
// ASCII.
func appendLowerASCII(dst []byte, w string) ([]byte, bool) {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return dst, false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst, true
}

// lookupPartyAny is lookupParty for words of any script.
func lookupPartyAny(ws []string) (string, int) {
	first := lowerWord(ws[0])
	span := gazetteerSpan[first]
	if span == 0 {
		return "", 0
	}
	for n := min(len(ws), span); n >= 1; n-- {
		key := first
		if n > 1 {
			key = strings.ToLower(strings.Join(ws[:n], " "))
		}
		p, ok := gazetteer[key]
		if !ok || n == 1 && acronymOnly[key] && ws[0] != strings.ToUpper(ws[0]) {
			continue
		}
		return p, n
	}
	return "", 0
}
