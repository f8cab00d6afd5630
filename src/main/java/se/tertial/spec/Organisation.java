package se.tertial.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The region: its nämnder in report order and the units under them, in drill-down order. */
public final class Organisation {
    private final String region;
    private final List<Namnd> namnder;
    private final List<Unit> units;
    private final Map<UnitCode, Unit> unitsByCode = new LinkedHashMap<>();
    private final Map<NamndCode, Namnd> namnderByCode = new LinkedHashMap<>();

    /** Checked by {@link SpecLoader}; this constructor only indexes. */
    Organisation(String region, List<Namnd> namnder, List<Unit> units) {
        this.region = region;
        this.namnder = List.copyOf(namnder);
        this.units = List.copyOf(units);
        this.namnder.forEach(n -> namnderByCode.put(n.code(), n));
        this.units.forEach(u -> unitsByCode.put(u.code(), u));
    }

    public String region() {
        return region;
    }

    public List<Namnd> namnder() {
        return namnder;
    }

    public List<Unit> units() {
        return units;
    }

    public Optional<Unit> unit(UnitCode code) {
        return Optional.ofNullable(unitsByCode.get(code));
    }

    /** Looks a unit up by its code given as text; empty also when the text is not a valid code. */
    public Optional<Unit> unit(String code) {
        try {
            return unit(UnitCode.of(code));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public Namnd namnd(NamndCode code) {
        Namnd n = namnderByCode.get(code);
        if (n == null) {
            throw new IllegalArgumentException("unknown nämnd " + code);
        }
        return n;
    }

    public List<Unit> unitsOf(NamndCode namnd) {
        return units.stream().filter(u -> u.namnd().equals(namnd)).toList();
    }
}
