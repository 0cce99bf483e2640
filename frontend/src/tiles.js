// Street tiles under the map, for rooms with internet: loaded only when the switch is on.

import {TileLayer} from '@deck.gl/geo-layers';
import {BitmapLayer} from '@deck.gl/layers';

/**
 * @param {string} template the tiles' address, with {s}, {z}, {x} and {y}
 * @param {string} layerId a new id for each attempt, so that a retry does not keep the tiles that failed
 * @param {{onLoad: () => void, onFailure: () => void}} on `onLoad` when a tile has loaded, `onFailure` when one
 *   could not be (no internet, the host refused)
 */
export function tileLayer(template, layerId, {onLoad, onFailure}) {
  const hosts = ['a', 'b', 'c', 'd'];
  return new TileLayer({
    id: layerId,
    getTileData: ({index, signal}) => {
      const {x, y, z} = index;
      const url = template.replace('{s}', hosts[(x + y) % hosts.length]).replace('{z}', String(z)).replace('{x}', String(x)).replace('{y}', String(y));
      return fetch(url, {signal}).then((r) => {
        if (!r.ok) throw new Error(`${url}: ${r.status}`);
        return r.blob();
      }).then((blob) => createImageBitmap(blob));
    },
    onTileLoad: () => onLoad(),
    onTileError: (error) => {
      if (error && error.name === 'AbortError') return; // a tile no longer needed
      onFailure();
    },
    minZoom: 0,
    maxZoom: 19,
    tileSize: 256,
    renderSubLayers: (props) => {
      const [[west, south], [east, north]] = props.tile.boundingBox;
      return new BitmapLayer(/** @type {any} */ (props), /** @type {any} */ ({data: null, image: props.data, bounds: [west, south, east, north]}));
    },
  });
}
