/** Fits an A4 page with 15 mm margins at 96 dpi (about 680 px), so a printed chart is never scaled or cut. */
export const chartWidth = 640
export const chartHeight = 260
