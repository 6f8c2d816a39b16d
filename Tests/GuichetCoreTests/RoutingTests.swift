import GuichetCore
import Testing

/// The default routing table follows each network's legal public; the first matching rule ranks first.
@Suite struct RoutingTests {
  static func recommend(
    _ category: PublicCategory, _ age: AgeBand, _ requests: Set<RequestKind> = [],
    territory: Int64? = nil, rules: [RoutingRule] = DefaultRoutingRules.rules
  ) -> [OperatorKind] {
    Routing.recommend(
      RoutingProfile(
        publicCategory: category, ageBand: age, requestKinds: requests, territoryID: territory),
      rules: rules
    ).map(\.operatorKind)
  }

  @Test func defaultsFollowTheLaw() {
    #expect(Self.recommend(.earlySchoolLeaver, .from16to25) == [.missionLocale])
    #expect(
      Self.recommend(.jobSeeker, .from16to25, [.jobSearch]) == [.missionLocale, .franceTravail])
    #expect(Self.recommend(.jobSeeker, .from26to44) == [.franceTravail])
    #expect(Self.recommend(.disability, .from45to54, [.jobSearch]) == [.capEmploi, .franceTravail])
    #expect(Self.recommend(.cadre, .from45to54, [.careerChange]) == [.apec])
    #expect(
      Self.recommend(.employee, .from26to44, [.careerChange]) == [
        .transitionsPro, .regionAccredited,
      ])
    #expect(Self.recommend(.initialEducation, .from16to25) == [.cio])
    #expect(Self.recommend(.initialEducation, .under16, [.schoolOrientation]) == [.cio])
    #expect(Self.recommend(.notSaid, .notSaid).isEmpty)
  }

  @Test func eachRecommendationCarriesItsReason() {
    let result = Routing.recommend(
      RoutingProfile(publicCategory: .disability, ageBand: .from26to44, requestKinds: []),
      rules: DefaultRoutingRules.rules)
    #expect(result.count == 1)
    #expect(result[0].reason.contains("RQTH"))
  }

  @Test func territoryRulesApplyOnlyThere() {
    let local = RoutingRule(
      position: 1, publicCategory: .jobSeeker, territoryID: 7, operatorKind: .regionAccredited,
      reason: "Expérimentation locale.")
    let rules = DefaultRoutingRules.rules + [local]
    #expect(
      Self.recommend(.jobSeeker, .from26to44, territory: 7, rules: rules) == [
        .regionAccredited, .franceTravail,
      ])
    #expect(Self.recommend(.jobSeeker, .from26to44, territory: 8, rules: rules) == [.franceTravail])
    #expect(Self.recommend(.jobSeeker, .from26to44, rules: rules) == [.franceTravail])
  }

  @Test func inactiveRulesAndValidation() {
    let inactive = DefaultRoutingRules.rules.map { rule -> RoutingRule in
      var copy = rule
      copy.isActive = copy.operatorKind != .franceTravail
      return copy
    }
    #expect(Self.recommend(.jobSeeker, .from26to44, rules: inactive).isEmpty)
    let everyone = RoutingRule(position: 1, operatorKind: .other, reason: "Tout le monde")
    #expect(throws: UserError.self) { try everyone.validate() }
    let silent = RoutingRule(position: 1, ageBand: .from55, operatorKind: .other, reason: "  ")
    #expect(throws: UserError.self) { try silent.validate() }
  }
}

/// Each default rule gives the reason of its own public and structure (the RQTH job seeker once read the
/// job seeker's « Demandeur d'emploi : France Travail… »).
@Suite struct DefaultRoutingReasonTests {
  @Test func everyDefaultReasonNamesItsStructureAndItsPublic() {
    for rule in DefaultRoutingRules.rules {
      let name =
        rule.operatorKind == .regionAccredited ? "habilité par la Région" : rule.operatorKind.label
      #expect(rule.reason.contains(name), "\(rule.reason)")
      switch (rule.publicCategory, rule.ageBand, rule.requestKind) {
      case (_, .from16to25?, _): #expect(rule.reason.contains("16 à 25 ans"))
      case (.disability?, _, _): #expect(rule.reason.contains("RQTH"), "\(rule.reason)")
      case (.selfEmployed?, _, _): #expect(rule.reason.hasPrefix("Indépendant :"))
      case (.employee?, nil, nil): #expect(rule.reason.hasPrefix("Salarié :"))
      case (.jobSeeker?, nil, nil): #expect(rule.reason.hasPrefix("Demandeur d'emploi"))
      case (nil, .under16?, nil): #expect(rule.reason.hasPrefix("Moins de 16 ans"))
      case (nil, nil, .schoolOrientation?): #expect(rule.reason.contains("orientation scolaire"))
      default: break
      }
    }
    let rqthJobSearch = DefaultRoutingRules.rules.first {
      $0.publicCategory == .disability && $0.requestKind == .jobSearch
    }
    #expect(
      rqthJobSearch?.reason.hasPrefix("Travailleur handicapé (RQTH) en recherche d'emploi") == true)
  }
}
