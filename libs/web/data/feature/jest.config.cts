const angularJestConfig = require('../../../../jest.angular.preset');

module.exports = angularJestConfig('web-data-feature', __dirname);
