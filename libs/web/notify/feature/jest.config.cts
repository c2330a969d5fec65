const angularJestConfig = require('../../../../jest.angular.preset');

module.exports = angularJestConfig('web-notify-feature', __dirname);
