import GuichetCore

extension OccupationScreen {
  public static func render(
    _ state: State, in area: Rect, on canvas: inout Canvas, context: AppContext
  ) {
    let x = area.x + 1
    let width = area.width - 2
    guard let fiche = state.fiche else {
      _ = FichePlaceholder.render(
        loaded: false, missing: state.missing, code: state.code, referential: "ROME", x: x,
        y: area.y + 1, width: width, on: &canvas)
      return
    }
    canvas.putPadded("\(fiche.code) · \(fiche.title)", x: x, y: area.y, width: width, style: .title)
    canvas.putPadded(domainPath(fiche), x: x, y: area.y + 1, width: width, style: .muted)
    let sourceRows = SourceLine.rows(fiche.source("rome"), width: width, context: context)
    let body = Rect(x: x, y: area.y + 3, width: width, height: area.height - 4 - sourceRows)
    state.cursor.render(document(state), in: body, on: &canvas, context: context)
    SourceLine.render(
      fiche.source("rome"), x: x, y: area.maxY - 1, width: width, on: &canvas, context: context)
  }

  /// « K Services à la personne et à la collectivité › K12 Action sociale… »
  static func domainPath(_ fiche: OccupationFiche) -> String {
    let parts = [fiche.grandDomain, fiche.domain].compactMap { $0 }.map { "\($0.code) \($0.label)" }
    return parts.isEmpty ? "Domaine non chargé" : parts.joined(separator: " › ")
  }

  static func yesNo(_ value: Bool?) -> String {
    switch value {
    case true?: "oui"
    case false?: "non"
    case nil: "non précisé"
    }
  }

  /// The scrolling part of the fiche, section by section.
  public static func document(_ state: State) -> [DocumentLine] {
    guard let fiche = state.fiche else { return [] }
    var lines: [DocumentLine] = []
    if fiche.parentCode != fiche.code {
      lines.append(
        DocumentLine(
          .text, "Fiche rattachée à \(fiche.parentTitle ?? fiche.parentCode)",
          lead: fiche.parentCode + "  ", link: .occupation(fiche.parentCode)))
    }
    lines += markers(fiche)
    lines += jobTitles(fiche)
    lines += texts("Définition", fiche.definition, fiche: fiche)
    lines += texts("Accès au métier", fiche.access, fiche: fiche)
    lines += salaries(fiche)
    lines += tensions(fiche)
    lines += certifications(fiche, showInactive: state.showInactive)
    lines += OutcomeLines.occupation(fiche.outcomes)
    lines += links(
      "Métiers proches (mobilité)", fiche.neighbours, empty: "Aucune mobilité publiée.")
    if !fiche.related.isEmpty {
      lines += links("Autres fiches du même métier", fiche.related, empty: "")
    }
    lines += [.blank, DocumentLine(.heading, "Centres d'intérêt")]
    if fiche.interests.isEmpty {
      lines.append(DocumentLine(.muted, "Aucun centre d'intérêt publié."))
    }
    for interest in fiche.interests {
      lines.append(DocumentLine(.bullet, interest.label + (interest.isMain ? " (principal)" : "")))
    }
    lines += [.blank, DocumentLine(.heading, "Sources")]
    return lines + fiche.sources.map { DocumentLine(.source, $0.source, lead: "") }
  }

  static func markers(_ fiche: OccupationFiche) -> [DocumentLine] {
    let flags = fiche.flags
    var lines = [
      DocumentLine(.heading, "Repères"),
      DocumentLine(
        .text,
        "Métier réglementé : \(yesNo(flags.regulated)) · Emploi cadre : \(yesNo(flags.cadre))"),
    ]
    lines += flags.transitions.map { DocumentLine(.bullet, $0) }
    return lines
  }

  static func jobTitles(_ fiche: OccupationFiche) -> [DocumentLine] {
    var lines: [DocumentLine] = [
      .blank,
      DocumentLine(.heading, "Appellations (\(fiche.jobTitles.count)) — masculin · féminin"),
    ]
    for title in fiche.jobTitles {
      var text =
        title.isEpicene ? "\(title.masculine) (épicène)" : "\(title.masculine) · \(title.feminine)"
      if title.isMain { text += " (principale)" }
      if title.rarelyUsed { text += " (peu usitée)" }
      lines.append(DocumentLine(title.rarelyUsed ? .minorBullet : .bullet, text))
    }
    return lines
  }

  static func texts(_ heading: String, _ sentences: [String], fiche: OccupationFiche)
    -> [DocumentLine]
  {
    var lines: [DocumentLine] = [.blank, DocumentLine(.heading, heading)]
    if sentences.isEmpty {
      lines.append(
        DocumentLine(
          .muted,
          fiche.textsImported
            ? "Pas de texte publié pour cette fiche."
            : "Ce texte vient des fichiers officiels du ROME (France Travail), qui ne sont pas livrés avec Guichet : un administrateur peut les importer."
        ))
    }
    return lines + sentences.map { DocumentLine(.bullet, $0) }
  }

  static func salaries(_ fiche: OccupationFiche) -> [DocumentLine] {
    var lines: [DocumentLine] = [
      .blank, DocumentLine(.heading, "Salaire médian (net mensuel, temps plein)"),
    ]
    if fiche.salaries.isEmpty {
      lines.append(DocumentLine(.muted, "Aucun salaire publié pour ce métier."))
      return lines
    }
    if fiche.salaries.count > 1 {
      lines.append(
        DocumentLine(
          .muted,
          "Ce métier relève de \(fiche.salaries.count) familles professionnelles : un chiffre par famille, jamais fondus en un seul."
        ))
    }
    for figure in fiche.salaries {
      let amount = figure.monthlyNet.map(Format.euros) ?? "non publié"
      lines.append(
        DocumentLine(
          .bullet,
          "\(figure.familyLabel ?? "Famille \(figure.familyCode)") (\(figure.familyCode)) : \(amount) (\(figure.period))"
        ))
    }
    if let source = fiche.source("salaries") {
      lines.append(DocumentLine(.source, "Source : \(source.source), via la table ROME → FAP2009"))
    }
    return lines
  }

  /// DARES tension category of each FAP2009 family, by area, never blended.
  static func tensions(_ fiche: OccupationFiche) -> [DocumentLine] {
    var lines: [DocumentLine] = [.blank, DocumentLine(.heading, "Difficulté à recruter (tension)")]
    guard let year = fiche.tensions.map(\.year).max() else {
      lines.append(DocumentLine(.muted, "Aucun indicateur de tension publié pour ce métier."))
      return lines
    }
    for tension in fiche.tensions {
      lines.append(
        DocumentLine(
          .bullet,
          "\(tension.area) · \(tension.familyLabel ?? "Famille \(tension.familyCode)") (\(tension.familyCode)) : tension \(tension.categoryLabel)"
        ))
    }
    lines.append(
      DocumentLine(
        .source, "Source : \(HiringTension.source) (\(year)), via la table ROME → FAP2009"))
    return lines
  }

  static func certifications(_ fiche: OccupationFiche, showInactive: Bool) -> [DocumentLine] {
    let active = fiche.certifications.filter(\.isActive)
    let inactive = fiche.certifications.filter { !$0.isActive }
    var lines: [DocumentLine] = [
      .blank, DocumentLine(.heading, "Certifications liées (\(active.count) actives)"),
    ]
    if fiche.certifications.isEmpty {
      lines.append(DocumentLine(.muted, "Aucune certification liée dans le RNCP chargé."))
      return lines
    }
    lines += byLevel(active)
    if !inactive.isEmpty {
      if showInactive {
        lines += [DocumentLine(.heading, "Certifications inactives (\(inactive.count))")]
        lines += byLevel(inactive)
      } else {
        lines.append(
          DocumentLine(
            .muted, "+ \(inactive.count) certifications inactives (touche I pour les afficher)"))
      }
    }
    return lines
  }

  static func byLevel(_ certifications: [CertificationSummary]) -> [DocumentLine] {
    var lines: [DocumentLine] = []
    var level: Int??
    for certification in certifications {
      if level != .some(certification.level) {
        level = .some(certification.level)
        lines.append(DocumentLine(.muted, CertificationLevel.label(certification.level)))
      }
      var text = certification.title
      if let type = certification.typeLabel, !type.isEmpty { text += " · \(type)" }
      lines.append(
        DocumentLine(
          .text, text, lead: Text.pad(certification.code, width: 11),
          link: .certification(certification.code)))
    }
    return lines
  }

  static func links(_ heading: String, _ items: [CodeLabel], empty: String) -> [DocumentLine] {
    var lines: [DocumentLine] = [.blank, DocumentLine(.heading, heading)]
    if items.isEmpty { lines.append(DocumentLine(.muted, empty)) }
    for item in items {
      lines.append(
        DocumentLine(.text, item.label, lead: item.code + "  ", link: .occupation(item.code)))
    }
    return lines
  }
}
