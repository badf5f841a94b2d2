// Totals over a range of nights, computed as totals: ADR is the range's revenue over the room nights
// sold in it and RevPAR its revenue over the room nights there were to sell, never an average of the
// nightly ratios (a quiet night would weigh as much as a full one).

/** Sums the nights of GET .../figures into the range's totals; money is summed in cents so no float drift shows. */
export function totalsOf(nights) {
  let sold = 0;
  let toSell = 0;
  let cents = 0;
  let arrivals = 0;
  let departures = 0;
  for (const night of nights) {
    sold += night.roomsSold;
    toSell += night.rooms - night.outOfOrder;
    cents += Math.round(night.roomRevenue * 100);
    arrivals += night.arrivals;
    departures += night.departures;
  }
  const revenue = cents / 100;
  return {
    nights: nights.length,
    sold,
    toSell,
    revenue,
    occupancy: toSell === 0 ? 0 : sold / toSell,
    // Null, not zero, when nothing was sold: there is no average rate of no rooms.
    adr: sold === 0 ? null : Math.round(cents / sold) / 100,
    revPar: toSell === 0 ? 0 : Math.round(cents / toSell) / 100,
    arrivals,
    departures,
  };
}
