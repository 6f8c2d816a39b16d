import GRDB

/// The words people use for a certification that its RNCP title does not hold, computed once when the index is
/// built so a keystroke costs no more than before: the diploma type and its usual abbreviations (the export keeps
/// the type in its own column, « CAP » is not in the title « Cuisine »), acronyms (a bracketed one, or the initials
/// of the title's significant words, with and without the type: « DEAS », « BPJEPS », « BTS MCO »), and the
/// feminine and plural forms of the job words of the title (« aide-soignant » is also « aide-soignante »).
/// Every text returned is already normalised (`FoldedText.normalize`).
enum CertificationTerms {
  /// Usual names of each `CodeTypeCertif`, the most common first. The `TypeCertif` label is added to them.
  static let typeAliases: [String: [String]] = [
    "CAP": ["cap"],
    "CAPA": ["cap agricole", "capa", "cap"],
    "BEP": ["bep"],
    "BEPA": ["bep agricole", "bepa", "bep"],
    "BP": ["bp", "brevet pro"],
    "BPA": ["bp agricole", "bpa", "bp"],
    "BTS": ["bts"],
    "BTSA": ["bts agricole", "btsa", "bts"],
    "BTSMarit": ["bts maritime", "bts"],
    "BAC PRO": ["bac pro", "bacpro", "bac professionnel"],
    "BTn": ["bac techno", "bac technologique"],
    "BT": ["bt"],
    "BTA": ["bt agricole", "bta"],
    "DUT": ["dut", "but"],
    "BUT": ["but", "dut"],
    "Licence Professionnelle": ["licence pro", "lp", "lpro"],
    "LICENCE": ["licence"],
    "MASTER": ["master"],
    "DipViGrM": ["master", "diplome vise"],
    "DGE_GM": ["master"],
    "Grade_Master": ["master"],
    "DOCTORAT": ["doctorat"],
    "DEUST": ["deust"],
    "TP": ["titre pro", "tp", "titre professionnel"],
    "DE": ["de", "diplome d'etat"],
    "DEAVS": ["de", "diplome d'etat", "deavs"],
    "DEA": ["de", "diplome d'etat"],
    "MC4": ["mc", "mention complementaire", "mc4"],
    "MC5": ["mc", "mention complementaire", "mc5"],
    "CS": ["cs", "certificat de specialisation"],
    "Titre ingénieur": ["ingenieur", "titre ingenieur", "diplome d'ingenieur"],
    "BMA": ["bma"],
    "DMA": ["dma"],
    "BEES": ["bees", "brevet d'etat"],
    "BAPAAT": ["bapaat"],
    "BEATEP": ["beatep"],
    "CP": ["cp"],
    "DIPLOVIS": ["diplome vise"],
    "CQP": ["cqp", "certificat de qualification professionnelle"],
  ]

  /// Types recognised at the start of a title when the export left the type column empty.
  static let titlePrefixes: [(prefix: String, type: String)] = [
    ("cap ", "CAP"), ("bts ", "BTS"), ("bp ", "BP"), ("bep ", "BEP"), ("bac pro ", "BAC PRO"),
    ("titre professionnel ", "TP"), ("diplome d'etat ", "DE"), ("de : ", "DE"), ("cqp ", "CQP"),
    ("certificat de qualification professionnelle", "CQP"),
    ("licence professionnelle", "Licence Professionnelle"),
    ("master ", "MASTER"), ("dut ", "DUT"), ("but ", "BUT"), ("mention complementaire", "MC4"),
  ]

  /// The `CodeTypeCertif` of a Certif Info type label (normalised), the longest prefix first. Certif Info names
  /// types in its own words (« Titre professionnel (TP de niveau 3) », « Brevet professionnel (Education
  /// nationale) »); its « Autre … » labels name no type and map to none.
  static let certifInfoTypes: [(prefix: String, type: String)] = [
    ("certificat d'aptitude professionnelle agricole", "CAPA"),
    ("certificat d'aptitude professionnelle", "CAP"),
    ("brevet d'etudes professionnelles agricoles", "BEPA"),
    ("brevet d'etudes professionnelles", "BEP"), ("brevet professionnel agricole", "BPA"),
    ("brevet professionnel", "BP"), ("brevet de technicien superieur agricole", "BTSA"),
    ("brevet de technicien superieur maritime", "BTSMarit"),
    ("brevet de technicien superieur", "BTS"), ("brevet de technicien agricole", "BTA"),
    ("brevet de technicien", "BT"), ("baccalaureat professionnel", "BAC PRO"),
    ("titre professionnel", "TP"), ("licence professionnelle", "Licence Professionnelle"),
    ("licence", "LICENCE"), ("master", "MASTER"), ("bachelor universitaire de technologie", "BUT"),
    ("diplome universitaire de technologie", "DUT"), ("diplome d'ingenieur", "Titre ingénieur"),
    ("certificat de qualification professionnelle", "CQP"), ("mention complementaire", "MC4"),
    ("certificat de specialisation", "CS"), ("diplome d'etat", "DE"),
    ("autre diplome d'etat", "DE"),
    ("diplome d'etudes universitaires scientifiques et techniques", "DEUST"),
    ("brevet des metiers d'art", "BMA"), ("diplome des metiers d'art", "DMA"),
  ]

  /// The type code and the label worth indexing of a Certif Info type label: a generic « Autre titre inscrit sur
  /// demande… » is shown on the fiche but indexed as no type, so « titre pro » does not find every such title.
  static func certifInfoType(label: String?) -> (code: String?, label: String?) {
    guard let label, !label.isEmpty else { return (nil, nil) }
    let normalized = FoldedText.normalize(label)
    let code = certifInfoTypes.first { normalized.hasPrefix($0.prefix) }?.type
    return (code, normalized.hasPrefix("autre ") ? nil : label)
  }

  /// Words left out of initials (articles, prepositions, conjunctions).
  static let stopWords: Set<String> = [
    "a", "au", "aux", "d", "de", "des", "du", "en", "et", "l", "la", "le", "les", "ou", "par",
    "pour",
    "sur", "dans", "avec", "un", "une", "s", "of", "and", "the",
  ]

  /// Words after which a title stops naming the diploma itself (its speciality, option or mention follows).
  static let headEnds: Set<String> = [
    "specialite", "mention", "mentions", "option", "options", "parcours",
  ]

  /// The usual names of the certification's type, normalised, the most common first.
  static func types(code: String?, label: String?, title normalizedTitle: String) -> [String] {
    var result: [String] = []
    var code = code ?? ""
    if code.isEmpty,
      let match = titlePrefixes.first(where: { normalizedTitle.hasPrefix($0.prefix) })
    {
      code = match.type
    }
    result += typeAliases[code] ?? (code.isEmpty ? [] : [FoldedText.normalize(code)])
    if let label, !label.isEmpty { result.append(FoldedText.normalize(label)) }
    var seen: Set<String> = []
    return result.filter { seen.insert($0).inserted }
  }

  /// Words of a normalised text as the index splits them (letters and digits).
  static func words(_ text: String) -> [String] {
    text.unicodeScalars.split(whereSeparator: { !isWordScalar($0) }).map { String($0) }
  }

  private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    return (0x61...0x7A).contains(value) || (0x30...0x39).contains(value) || value >= 0x80
  }

  /// Acronyms of a title: any bracketed one (« (DEAS) »), and the initials of the significant words before the
  /// speciality, alone (three letters or more) and after the type's own acronym when the initials do not already
  /// start with it (« BP » + « de la jeunesse, de l'éducation populaire et du sport » → « bpjeps »).
  static func acronyms(title: String, normalizedTitle: String, typeCode: String?) -> [String] {
    var result: [String] = []
    var rest = Substring(title)
    while let open = rest.firstIndex(of: "(") {
      let after = rest[rest.index(after: open)...]
      guard let close = after.firstIndex(of: ")") else { break }
      let inside = after[..<close]
      if inside.count >= 2, inside.count <= 12,
        inside.allSatisfy({ $0.isUppercase || $0.isNumber || $0 == "-" }),
        inside.contains(where: \.isLetter)
      {
        result.append(FoldedText.normalize(inside.filter { $0 != "-" }))
      }
      rest = after[after.index(after: close)...]
    }
    let head = normalizedTitle.prefix { $0 != "(" && $0 != ":" }
      .components(separatedBy: " - ")[0]
    var significant: [String] = []
    let typeWord = typeCode.map { FoldedText.normalize($0) }
    for word in words(String(head)) {
      if headEnds.contains(word) { break }
      if stopWords.contains(word) || word.allSatisfy(\.isNumber) { continue }
      if significant.isEmpty, word == typeWord { continue }
      significant.append(word)
    }
    if significant.count >= 2, significant.count <= 8 {
      let initials = String(significant.compactMap(\.first))
      if initials.count >= 3 { result.append(initials) }
      if let typeWord, !typeWord.contains(" "), typeWord.count <= 5, !initials.hasPrefix(typeWord) {
        result.append(typeWord + initials)
      }
    }
    var seen: Set<String> = []
    return result.filter { $0.count >= 2 && seen.insert($0).inserted }
  }

  /// Feminine forms of masculine job words, learnt from the ROME job titles (« Couvreur / Couvreuse »), so that a
  /// certification title written in the masculine is found by its feminine: the masculine and feminine labels of
  /// each title are compared word by word.
  struct GenderedWords {
    private(set) var feminine: [String: Set<String>] = [:]

    init(_ db: Database) throws {
      let rows = try Row.fetchCursor(
        db, sql: "SELECT masculine, feminine FROM job_title WHERE masculine <> feminine")
      while let row = try rows.next() {
        learn(masculine: row["masculine"], feminine: row["feminine"])
      }
    }

    init(pairs: [(String, String)]) {
      for (masculine, feminine) in pairs { learn(masculine: masculine, feminine: feminine) }
    }

    private mutating func learn(masculine: String, feminine femaleLabel: String) {
      let left = CertificationTerms.words(FoldedText.normalize(masculine))
      let right = CertificationTerms.words(FoldedText.normalize(femaleLabel))
      guard left.count == right.count else { return }
      for (male, female) in zip(left, right) where male != female {
        // Same stem (« conduct-eur », « conduct-rice »): a shifted alignment pairs unrelated words.
        guard male.count >= 3, female.count >= 3, male.prefix(3) == female.prefix(3) else {
          continue
        }
        feminine[male, default: []].insert(female)
      }
    }

    /// Extra index words for a title: each job word's feminine forms and the plurals of both.
    func variants(of titleWords: [String]) -> [String] {
      var result: [String] = []
      for word in titleWords {
        guard let forms = feminine[word] else { continue }
        result.append(Self.plural(word))
        for form in forms.sorted() { result += [form, Self.plural(form)] }
      }
      return result
    }

    /// The feminine form of the title, word by word (the first learnt form of each job word).
    func feminineTitle(_ normalizedTitle: String) -> String? {
      var changed = false
      var output = ""
      var word = ""
      func flush() {
        if let form = feminine[word]?.sorted().first {
          output += form
          changed = true
        } else {
          output += word
        }
        word = ""
      }
      for scalar in normalizedTitle.unicodeScalars {
        if CertificationTerms.isWordScalar(scalar) {
          word.unicodeScalars.append(scalar)
        } else {
          flush()
          output.unicodeScalars.append(scalar)
        }
      }
      flush()
      return changed ? output : nil
    }

    /// « soignant » → « soignants », « nouveau » → « nouveaux », « principal » → « principaux ».
    static func plural(_ word: String) -> String {
      if word.hasSuffix("s") || word.hasSuffix("x") || word.hasSuffix("z") { return word }
      if word.hasSuffix("eau") || word.hasSuffix("eu") { return word + "x" }
      if word.hasSuffix("al") { return String(word.dropLast()) + "ux" }
      return word + "s"
    }
  }
}
