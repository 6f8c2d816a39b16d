import GuichetCore

/// The « Débouchés » section both fiches show: InserJeunes figures by voie for the latest millésime, as
/// published, secret figures named as such, with the source line. « Se former » and `guichet formations`
/// show the same lines under each session's certification.
public enum OutcomeLines {
  static let heading = "Débouchés (InserJeunes, Auvergne-Rhône-Alpes)"

  /// The section of a certification fiche: every voie is named, with or without figures.
  static func certification(_ outcomes: [DiplomaOutcome]) -> [DocumentLine] {
    var lines: [DocumentLine] = [.blank, DocumentLine(.heading, heading)]
    if outcomes.isEmpty {
      lines.append(
        DocumentLine(
          .muted,
          "Aucun chiffre InserJeunes pour ce diplôme dans la région (InserJeunes suit les diplômes professionnels du CAP au BTS)."
        ))
      return lines
    }
    for voie in DiplomaOutcome.Voie.allCases {
      let ofVoie = outcomes.filter { $0.voie == voie }
      if ofVoie.isEmpty {
        lines.append(DocumentLine(.muted, "\(voie.label) : aucun chiffre publié."))
      }
      for outcome in ofVoie { lines += figures(outcome) }
    }
    return lines + footer(outcomes)
  }

  /// The section of a métier fiche: the certifications leading to it that have figures, each linked.
  static func occupation(_ certifications: [CertificationOutcomes]) -> [DocumentLine] {
    var lines: [DocumentLine] = [
      .blank, DocumentLine(.heading, heading + " des certifications liées"),
    ]
    if certifications.isEmpty {
      lines.append(
        DocumentLine(.muted, "Aucune certification liée n'a de chiffre InserJeunes dans la région.")
      )
      return lines
    }
    for certification in certifications {
      lines.append(
        DocumentLine(
          .text, certification.title, lead: Text.pad(certification.code, width: 11),
          link: .certification(certification.code)))
      for outcome in certification.outcomes { lines += figures(outcome) }
    }
    return lines + footer(certifications.flatMap(\.outcomes))
  }

  /// Under a session's certification: its figures by voie and their source, or that InserJeunes has none.
  public static func session(_ outcomes: [DiplomaOutcome]) -> [DocumentLine] {
    guard !outcomes.isEmpty else {
      return [
        DocumentLine(
          .muted, "Débouchés : aucun chiffre InserJeunes pour ce diplôme dans la région.")
      ]
    }
    return [DocumentLine(.text, heading + " :")] + outcomes.flatMap(figures) + footer(outcomes)
  }

  /// « Dans cet établissement : … » under a session whose offer names the establishment (UAI): its own
  /// InserJeunes figures, all its diplomas pooled, beside the diploma's regional ones; nothing without a UAI.
  public static func establishment(uai: String?, _ outcomes: [EstablishmentOutcome])
    -> [DocumentLine]
  {
    guard let uai else { return [] }
    guard let first = outcomes.first else {
      return [
        DocumentLine(
          .muted, "Dans cet établissement (UAI \(uai)) : aucun chiffre InserJeunes publié.")
      ]
    }
    var lines = [
      DocumentLine(
        .text,
        "Dans cet établissement : \(first.name) (UAI \(uai)), tous ses diplômes, millésime \(first.millesimeLabel) :"
      )
    ]
    for outcome in outcomes {
      lines.append(
        DocumentLine(
          .bullet,
          "\(outcome.kind.label), \(outcome.population.label) : poursuite d'études \(outcome.continuingStudies.label) · en emploi à 6 mois \(outcome.employedAt6Months.label) · autres situations \(outcome.otherSituations.label) · taux d'emploi des sortants \(outcome.employmentRate.label) (attendu \(outcome.expectedRate.label), valeur ajoutée \(outcome.valueAddedLabel))"
        ))
    }
    let secret = outcomes.contains {
      [$0.continuingStudies, $0.employedAt6Months, $0.otherSituations, $0.employmentRate].contains(
        .secret) || $0.valueAdded == nil
    }
    if secret {
      lines.append(
        DocumentLine(.muted, "« secret » : trop peu de sortants, chiffre non publié (nd)."))
    }
    return lines + [DocumentLine(.source, "Source : " + EstablishmentOutcome.source)]
  }

  static func figures(_ outcome: DiplomaOutcome) -> [DocumentLine] {
    let count = { (value: Int?) in value.map(Format.grouped) ?? "non publié" }
    return [
      DocumentLine(
        .text,
        "\(outcome.voie.label) · millésime \(outcome.millesimeLabel) · diplôme \(outcome.diplomaCode)"
          + (outcome.mefCode.map { " · MEF \($0)" } ?? "")),
      DocumentLine(
        .bullet,
        "Cohorte (année terminale) : \(count(outcome.cohort)) · sortants : \(count(outcome.leavers))"
      ),
      DocumentLine(
        .bullet,
        "En emploi à 6 mois : \(outcome.employedAt6Months.label) · 12 mois : \(outcome.employedAt12Months.label) · 24 mois : \(outcome.employedAt24Months.label)"
      ),
      DocumentLine(.bullet, "Poursuite d'études : \(outcome.continuingStudies.label)"),
    ]
  }

  static func footer(_ outcomes: [DiplomaOutcome]) -> [DocumentLine] {
    let rates = outcomes.flatMap {
      [$0.employedAt6Months, $0.employedAt12Months, $0.employedAt24Months, $0.continuingStudies]
    }
    var lines: [DocumentLine] = []
    if rates.contains(.secret) {
      lines.append(
        DocumentLine(
          .muted, "« secret » : moins de 20 personnes, taux non publié (secret statistique)."))
    }
    return lines + [DocumentLine(.source, "Source : " + DiplomaOutcome.source)]
  }

  /// Index of the section's heading, for the key that jumps to it.
  static func headingIndex(_ lines: [DocumentLine]) -> Int? {
    lines.firstIndex { $0.kind == .heading && $0.text.hasPrefix(heading) }
  }
}
