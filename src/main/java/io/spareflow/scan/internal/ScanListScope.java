package io.spareflow.scan.internal;

import io.spareflow.common.ForbiddenException;
import io.spareflow.common.Message;
import io.spareflow.location.LocationCode;
import io.spareflow.user.StaffUser;
import org.springframework.stereotype.Component;

/** Whose scans a user may list: staff bound to a location their own location's only, others any location or all. */
@Component
class ScanListScope {

    /** The location to list for {@code user} asking for {@code requested} (null or blank: all, or their own). */
    String locationFor(StaffUser user, String requested) {
        String location = requested == null || requested.isBlank() ? null
                : LocationCode.tryParse(requested).map(LocationCode::value).orElse(requested.trim());
        if (!user.role().isBoundToLocation()) {
            return location;
        }
        if (location != null && !user.mayActAt(location)) {
            throw new ForbiddenException(Message.of("scope.scans.otherLocation", user.locationCode(), location));
        }
        return user.locationCode();
    }
}
