package dev.annals.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Word lists and skewed (Zipf-like) samplers for the generated data set. */
final class Vocabulary {
    /** In about 40 % of the generated events (title or summary). */
    static final String COMMON_WORD = "government";
    /** In about 1 event of 2,000. */
    static final String RARE_WORD = "conscience";

    static final String[] FIRST = {
        "amara", "boris", "chen", "dana", "elif", "farid", "grace", "hugo", "ines", "jonas", "kofi", "lena", "mateo",
        "nadia", "omar", "priya", "quinn", "rosa", "sven", "tara", "umar", "vera", "wen", "ximena", "yusuf", "zoe",
        "anders", "bea", "carlos", "dmitri"
    };
    static final String[] LAST = {
        "abbott",
        "baker",
        "costa",
        "diallo",
        "eriksen",
        "fischer",
        "garcia",
        "haddad",
        "ivanova",
        "jensen",
        "kim",
        "lopez",
        "moreau",
        "nakamura",
        "okafor",
        "petrov",
        "quispe",
        "rossi",
        "sato",
        "tanaka",
        "usman",
        "varga",
        "weber",
        "xu",
        "yilmaz",
        "zhou",
        "andersen",
        "bianchi",
        "cohen",
        "dubois"
    };
    static final String[] PUBLISHERS = {
        "Reuters",
        "Associated Press",
        "The Verge",
        "Financial Times",
        "Bloomberg",
        "The Guardian",
        "Le Monde",
        "Der Spiegel",
        "NHK",
        "Al Jazeera",
        "BBC News",
        "The New York Times",
        "The Washington Post",
        "Politico",
        "Axios",
        "El Pais",
        "Nikkei Asia",
        "The Hindu",
        "ABC News",
        "CBC"
    };
    static final String[] FILLER = ("talks contract deadline officials negotiators proposal ministry agency company "
                    + "court vote parliament council minister spokesperson statement terms draft agreement treaty sanctions "
                    + "budget security defence supplier market export licence review audit hearing committee report leak memo "
                    + "deal offer refusal demand pressure threat warning delay extension meeting summit delegation envoy "
                    + "capital city region border port factory workers union strike protest election campaign coalition "
                    + "opposition lawyers judge ruling appeal board investors shares profits losses plan strategy risk model "
                    + "data chips cloud software weapons drones satellites energy pipeline grid water harvest prices inflation "
                    + "interest loan bond rating crisis response recovery aid relief reform policy law bill amendment clause "
                    + "annex timeline schedule window phase stage milestone partner rival ally neighbour")
            .split(" ");

    private Vocabulary() {}

    /** Samples 0..n-1 with probability proportional to 1/(k+1)^s. */
    static final class Zipf {
        private final double[] cumulative;

        Zipf(int n, double s) {
            cumulative = new double[n];
            double sum = 0;
            for (int k = 0; k < n; k++) {
                sum += 1.0 / Math.pow(k + 1, s);
                cumulative[k] = sum;
            }
            for (int k = 0; k < n; k++) {
                cumulative[k] /= sum;
            }
        }

        int next(Random random) {
            double u = random.nextDouble();
            int lo = 0;
            int hi = cumulative.length - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cumulative[mid] < u) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }

    /** {@code count} actors: slug ids and display names, shuffled so rank is not alphabetical. */
    static List<String[]> actors(int count, Random random) {
        List<String[]> all = new ArrayList<>();
        for (String f : FIRST) {
            for (String l : LAST) {
                all.add(new String[] {f + "-" + l, cap(f) + " " + cap(l)});
            }
        }
        java.util.Collections.shuffle(all, random);
        return new ArrayList<>(all.subList(0, Math.min(count, all.size())));
    }

    /** 60 publishers: the well-known ones, then regional ones. */
    static List<String> publishers() {
        List<String> list = new ArrayList<>(List.of(PUBLISHERS));
        for (int i = 0; list.size() < 60; i++) {
            list.add(cap(LAST[i % LAST.length]) + " " + (i % 2 == 0 ? "Herald" : "Gazette"));
        }
        return list;
    }

    /** 200 tags: the filler words, then numbered topic tags. */
    static List<String> tags() {
        List<String> list = new ArrayList<>();
        for (int i = 0; list.size() < 200; i++) {
            list.add(i < FILLER.length ? FILLER[i] : "topic-" + i);
        }
        return list;
    }

    static String cap(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
