/** Cache keys of the map data loaded by the Preloader. */
export const MAP_KOREA = 'map:korea';
export const MAP_WORLD = 'map:world';
