package io.spareflow.sourcing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The choice rule for any set of candidates: nearest within the limit, else fastest; every candidate ranked once. */
class RankingPropertiesTest {

    @Property
    void nearestWithinTheLimitWinsElseTheFastest(@ForAll("candidates") List<Candidate> candidates) {
        List<Candidate> ranked = QuoteEngine.ranked(candidates);

        assertThat(ranked).hasSameSizeAs(candidates);
        assertThat(ranked).extracting(Candidate::depotCode)
                .containsExactlyInAnyOrderElementsOf(candidates.stream().map(Candidate::depotCode).toList());
        for (int i = 0; i < ranked.size(); i++) {
            assertThat(ranked.get(i).rank()).isEqualTo(i + 1);
        }
        if (ranked.isEmpty()) {
            return;
        }
        Candidate choice = ranked.get(0);
        List<Candidate> meeting = candidates.stream().filter(Candidate::meetsLimit).toList();
        if (meeting.isEmpty()) {
            assertThat(candidates).allSatisfy(c -> assertThat(c.etaMinutes()).isGreaterThanOrEqualTo(choice.etaMinutes()));
        } else {
            assertThat(choice.meetsLimit()).isTrue();
            assertThat(meeting).allSatisfy(c -> assertThat(c.distanceKm()).isGreaterThanOrEqualTo(choice.distanceKm()));
        }
        // Every candidate within the limit is ranked before every candidate beyond it.
        int lastMeeting = -1;
        int firstMissing = ranked.size();
        for (int i = 0; i < ranked.size(); i++) {
            if (ranked.get(i).meetsLimit()) {
                lastMeeting = i;
            } else {
                firstMissing = Math.min(firstMissing, i);
            }
        }
        assertThat(lastMeeting).isLessThan(firstMissing);
    }

    @Provide
    Arbitrary<List<Candidate>> candidates() {
        return Arbitraries.integers().between(30, 3_000).flatMap(limit -> candidate(limit).list().ofMaxSize(40))
                .map(list -> {
                    List<Candidate> named = new ArrayList<>();
                    for (int i = 0; i < list.size(); i++) {
                        Candidate c = list.get(i);
                        named.add(new Candidate(0, "D" + i, "Depot " + i, "City", "CN", c.distanceKm(), c.transport(),
                                c.etaMinutes(), c.expectedOnSite(), c.boardsAvailable(), c.boardsByPart(), c.meetsLimit()));
                    }
                    return named;
                });
    }

    private Arbitrary<Candidate> candidate(int limit) {
        return Combinators.combine(Arbitraries.doubles().between(0, 20_000).ofScale(1),
                        Arbitraries.longs().between(1, 6_000), Arbitraries.of(Transport.class))
                .as((km, eta, transport) -> new Candidate(0, "?", "?", "?", "CN", km, transport, eta,
                        Instant.EPOCH.plusSeconds(eta * 60), 1, Map.of("P", 1L), eta <= limit));
    }

    @Property
    void rankingIsStableUnderPermutation(@ForAll("candidates") List<Candidate> candidates, @ForAll @IntRange(max = 1000) int seed) {
        List<Candidate> shuffled = new ArrayList<>(candidates);
        Collections.shuffle(shuffled, new Random(seed));

        assertThat(QuoteEngine.ranked(shuffled)).isEqualTo(QuoteEngine.ranked(candidates));
    }
}
