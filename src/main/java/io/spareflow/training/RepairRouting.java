package io.spareflow.training;

import io.spareflow.common.GeoPoint;
import io.spareflow.location.LocationInfo;
import io.spareflow.location.LocationType;
import io.spareflow.location.Locations;
import io.spareflow.part.ProductLine;
import io.spareflow.user.Role;
import io.spareflow.user.StaffUser;
import io.spareflow.user.Users;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The repair center a defective board is sent to (the one rule for the return label and for the case): the one
 * nearest the customer's site among those with an enabled technician holding a valid L2 certification for the board's
 * product line today, so the board can be diagnosed where it arrives. With none anywhere, the nearest repair center:
 * the shortest way for the board, and where a technician can be certified while it travels (the case escalates).
 */
@Service
@Transactional(readOnly = true)
public class RepairRouting {

    private final Locations locations;
    private final Users users;
    private final Certifications certifications;

    RepairRouting(Locations locations, Users users, Certifications certifications) {
        this.locations = locations;
        this.users = users;
        this.certifications = certifications;
    }

    public RepairRoute routeFor(ProductLine line, GeoPoint site) {
        Set<String> certified = certifications.holders(line, CertificationLevel.L2).stream()
                .map(users::find).flatMap(Optional::stream)
                .filter(holder -> holder.role() == Role.TECHNICIAN && holder.isEnabled())
                .map(StaffUser::locationCode).collect(Collectors.toSet());
        Comparator<LocationInfo> order = Comparator
                .comparing((LocationInfo center) -> !certified.contains(center.code()))
                .thenComparingDouble(center -> center.point().distanceKmTo(site));
        LocationInfo center = locations.ofType(LocationType.REPAIR_CENTER).stream().min(order)
                .orElseThrow(() -> new IllegalStateException("The network has no repair center to return boards to"));
        return new RepairRoute(center, line, certified.contains(center.code()));
    }
}
