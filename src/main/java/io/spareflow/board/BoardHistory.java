package io.spareflow.board;

import java.util.ArrayList;
import java.util.List;

/** A board with its full chain of custody (oldest first) and the legs between consecutive hand-offs. */
public record BoardHistory(BoardInfo board, List<CustodyRecord> custody, List<CustodyLeg> legs) {

    public static BoardHistory of(BoardInfo board, List<CustodyRecord> custody) {
        List<CustodyLeg> legs = new ArrayList<>();
        for (int i = 1; i < custody.size(); i++) {
            legs.add(CustodyLeg.between(custody.get(i - 1), custody.get(i)));
        }
        return new BoardHistory(board, List.copyOf(custody), List.copyOf(legs));
    }
}
