import GuichetCore

/// « Se former »: the upcoming sessions for a métier or a certification, nearest to the visitor first
/// (the visit's territory, or a commune typed here), soonest first, from the LHÉO offer an administrator
/// imported. With nothing imported it says where such a file comes from and who imports it.
public enum FormationsScreen {
  public enum Command: Equatable, Sendable {
    case open
    case move(DocumentCursor.Move)
  }

  public struct State: Equatable, Sendable {
    public var subject: TrainingSubject
    public var origin: TrainingOrigin
    /// The commune typed here, or the visit's territory, named.
    public var originName: String?
    public var picker = CommunePicker()
    public var offers: TrainingOffers?
    public var cursor = DocumentCursor()

    public init(
      subject: TrainingSubject, origin: TrainingOrigin = .anywhere, originName: String? = nil
    ) {
      self.subject = subject
      self.origin = origin
      self.originName = originName
    }
  }

  public enum Action: Equatable, Sendable {
    case key(Key)
    case communesFound(query: String, matches: [CommuneMatch])
    case loaded(TrainingSubject, near: TrainingOrigin, TrainingOffers)
  }

  public static let bindings: [KeyBinding<Command>] =
    [
      KeyBinding(
        [.enter], "Ouvrir", help: "Ouvrir la fiche de la certification en surbrillance", .open)
    ]
    + DocumentKeys.movements(Command.move)

  public static let fieldHelp: [HintLine] = [
    HintLine(key: "Lettres", text: "Taper la commune du visiteur pour classer les lieux"),
    HintLine(key: "Suppr", text: "Effacer la commune tapée"),
  ]

  /// The key that opens « Se former » from the fiches and the search (see `Screen.links`).
  public static let key = Key.function(7)
  public static let hint = "Se former"

  /// « F7 Se former » on a fiche or a search hit (see `Screen.links`).
  public static func link(_ subject: TrainingSubject) -> ScreenLink {
    ScreenLink(
      key: key,
      hint: HintLine(
        key: "F7", text: hint, help: "Sessions de formation à venir près du visiteur (offre LHÉO)"),
      route: .formations(subject))
  }

  /// A métier or certification hit links to its sessions; a structure does not.
  public static func link(for hit: ReferenceHit) -> ScreenLink? {
    switch hit.kind {
    case .occupation: link(.rome(hit.code))
    case .certification: link(.rncp(hit.code))
    case .structure: nil
    }
  }

  public static func loadEffect(_ state: State) -> Effect {
    .feature(FormationsRequest.load(state.subject, near: state.origin))
  }

  public static func reduce(_ state: inout State, _ action: Action, context: AppContext) -> Effect {
    switch action {
    case .communesFound(let query, let matches):
      state.picker.found(query: query, matches: matches)
    case .loaded(let subject, let origin, let offers):
      guard subject == state.subject, origin == state.origin else { return .none }
      state.offers = offers
      let lines = document(state)
      if state.cursor.top >= lines.count { state.cursor = DocumentCursor() }
    case .key(let key):
      switch state.picker.handle(key) {
      case .handled(let effect): return effect
      case .picked(let match):
        state.origin = .commune(match.commune.inseeCode)
        state.originName = match.commune.name
        state.offers = nil
        state.cursor = DocumentCursor()
        return loadEffect(state)
      case .ignored: break
      }
      guard let command: Command = bindings.command(for: key) else { return .none }
      switch command {
      case .move(let move): state.cursor.apply(move, lines: document(state))
      case .open:
        if let route = state.cursor.focusedLink(document(state)) { return .navigate(.push(route)) }
      }
    }
    return .none
  }

  public static func title(_ state: State) -> String { "Se former · \(state.subject.code)" }

  /// Each session as a short block: what and when, where and how near, who, which certification and its
  /// débouchés (the figures of the certification fiche), then the establishment's own figures when the
  /// offer names it (UAI).
  public static func document(_ state: State) -> [DocumentLine] {
    guard let offers = state.offers else { return [] }
    guard offers.imported != nil else {
      return [DocumentLine(.warning, TrainingOffers.nothingImported)]
    }
    guard !offers.sessions.isEmpty else {
      return [
        DocumentLine(
          .muted,
          "Aucune session à venir pour \(state.subject.determiners.demonstrative) \(state.subject.kindLabel) dans l'offre importée."
        )
      ]
    }
    var lines: [DocumentLine] = []
    for (index, session) in offers.sessions.enumerated() {
      if index > 0 { lines.append(.blank) }
      lines.append(DocumentLine(.heading, "\(session.formationTitle) — \(session.datesLabel)"))
      lines.append(
        DocumentLine(
          .text, session.placeLabel + (session.proximity.map { " · \($0.label)" } ?? ""),
          lead: "  "))
      lines.append(
        DocumentLine(.muted, "\(session.organisation) · SIRET \(session.siret)", lead: "  "))
      for certification in session.certifications {
        lines.append(
          DocumentLine(
            .text, certification.title ?? "(absente des données RNCP)",
            lead: "  \(certification.code) ", link: .certification(certification.code)))
        lines += OutcomeLines.session(certification.outcomes).map(indented)
      }
      lines += OutcomeLines.establishment(uai: session.uai, session.establishmentOutcomes).map(
        indented)
    }
    return lines
  }

  /// The débouchés sit under the certification line.
  static func indented(_ line: DocumentLine) -> DocumentLine {
    DocumentLine(line.kind, line.text, lead: "    " + line.lead, link: line.link)
  }

  public static func render(
    _ state: State, in area: Rect, on canvas: inout Canvas, context: AppContext
  ) {
    let x = area.x + 1
    let width = area.width - 2
    var heading = state.subject.kindLabel.capitalizedFirst + " " + state.subject.code
    if let title = state.offers?.subjectTitle { heading += " · \(title)" }
    canvas.put(heading, x: x, y: area.y, style: .title, limit: width)
    let near =
      state.originName.map { "Près de : \($0) (\(state.origin.kindLabel))" }
      ?? "Lieu du visiteur non précisé : tapez sa commune pour classer les lieux."
    canvas.put(near, x: x, y: area.y + 1, style: .muted, limit: width)
    let pickerRows = state.picker.render(
      in: Rect(x: x - 1, y: area.y + 2, width: width + 1, height: area.height - 4),
      on: &canvas, placeholder: "tapez la commune du visiteur")
    let top = area.y + 2 + pickerRows + 1
    guard let offers = state.offers else {
      canvas.put("Chargement…", x: x, y: top, style: .muted, limit: width)
      return
    }
    // The attribution, and above it which file was imported and when.
    let footer = offers.imported == nil ? 1 : 2
    let body = Rect(x: x, y: top, width: width, height: max(0, area.maxY - footer - top))
    state.cursor.render(document(state), in: body, on: &canvas, context: context)
    if let imported = offers.imported {
      canvas.put(
        "Offre importée le \(Format.isoDay(imported.day)) : \(imported.fileName)", x: x,
        y: area.maxY - 2, style: .muted, limit: width)
    }
    canvas.put(
      "Source : \(TrainingOffers.source)", x: x, y: area.maxY - 1, style: .muted, limit: width)
  }
}

extension TrainingSubject {
  var kindLabel: String {
    switch self {
    case .rome: "métier"
    case .rncp: "certification"
    }
  }
}

extension TrainingOrigin {
  var kindLabel: String {
    switch self {
    case .commune: "commune"
    case .territory: "territoire de la visite"
    case .anywhere: "non précisé"
    }
  }
}

extension String {
  fileprivate var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}

extension FormationsScreen.Action: KeyedAction {}

extension FormationsScreen: BoundScreen {
  public static func embed(_ state: State) -> Screen { .formations(state) }
  public static func extract(_ screen: Screen) -> State? {
    if case .formations(let state) = screen { state } else { nil }
  }
  /// Échap first clears a commune being typed.
  public static func leaves(_ state: State, on key: Key) -> Bool {
    key == .escape && !state.picker.isActive
  }
  public static func resultAction(_ result: AppAction, _ state: State, onTop: Bool) -> Action? {
    switch result {
    case .communesFound(let query, let matches):
      return .communesFound(query: query, matches: matches)
    case .featureEvent(let event):
      guard
        case .loaded(let subject, let origin, let offers)? = event.event(as: FormationsEvent.self)
      else { return nil }
      return .loaded(subject, near: origin, offers)
    default: return nil
    }
  }
  public static func load(_ state: State) -> Effect { loadEffect(state) }
  public static func title(of state: State, context: AppContext) -> String { title(state) }
  public static func keyHints(_ state: State, role: Role?) -> [HintLine] {
    bindings.map(\.hintLine) + [HintLine(key: "Lettres", text: "Commune")] + HintLine.global
  }
  public static let purpose =
    "Sessions de formation à venir pour le métier ou la certification, d'après l'offre LHÉO publiée par le Carif-Oref de la région et importée par un administrateur : les plus proches du visiteur d'abord (même commune, bassin, territoire, département), les plus tôt d'abord, sessions passées écartées. Sans coordonnées géographiques dans les données, la proximité suit les communes, bassins et territoires."
  public static func helpLines(_ state: State, context: AppContext) -> [HintLine] {
    bindings.map(\.hintLine) + fieldHelp
  }
}

extension FormationsScreen.State {
  /// Opens on the territory of the visit in progress, if any.
  init(subject: TrainingSubject, visit: VisitFormScreen.State?, context: AppContext) {
    if let territory = visit.flatMap({ $0.territory(context) }) {
      self.init(subject: subject, origin: .territory(territory.id), originName: territory.name)
    } else {
      self.init(subject: subject)
    }
  }
}
